//! Strings of the staff page.

strings! {
    /// Page title.
    TITLE = "研发人员", "R&D staff";
    /// Intro.
    INTRO = "按年度填写年末职工人数和全职研发人员人数（企业技术中心认定中的“专职研究与试验发展人员”），再填写技术带头人和高层次人才情况。", "Year-end head counts of all staff and of full-time R&D staff (the “专职研究与试验发展人员” of the tech-center rules), then the technical leader and senior talent.";
    /// Field.
    STAFF_TOTAL = "职工总数", "Total staff";
    /// Label.
    ST_STAFF = "科技人员数（全年累计工作 183 天以上）", "Science and technology staff (183 days or more in the year)";
    /// Field.
    RD_STAFF = "研发人员数（全职）", "R&D staff (full-time)";
    /// Field.
    RD_QUALIFIED = "其中本科以上学历或工程师以上职称", "Of whom with a degree or engineer title";
    /// Derived ratio.
    RD_SHARE = "研发人员占比", "R&D staff share";
    /// Formula.
    RD_SHARE_HELP = "研发人员数（全职）÷ 职工总数", "Full-time R&D staff ÷ total staff";
    /// Derived ratio.
    QUALIFIED_SHARE = "本科以上学历或工程师以上职称占比", "Share with a degree or engineer title";
    /// Formula.
    QUALIFIED_SHARE_HELP = "本科以上学历或工程师以上职称的研发人员 ÷ 研发人员数（全职）", "R&D staff with a degree or engineer title ÷ full-time R&D staff";
    /// Section.
    TALENT = "技术带头人与高层次人才", "Technical leader and senior talent";
    /// Field.
    TECH_LEADER = "有技术带头人及人才队伍", "Has a technical leader and team";
    /// Field.
    TECH_LEADER_NOTE = "技术带头人说明", "Technical leader: who and why";
    /// Hint inside the note field.
    TECH_LEADER_NOTE_HINT = "姓名、职称、主要成果", "Name, title, main achievements";
    /// Field.
    SENIOR_EXPERTS = "高级专家和博士人数", "Senior experts and PhDs";
}
