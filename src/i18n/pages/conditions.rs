//! Strings of the conditions page, including the names of institution kinds and levels.

strings! {
    /// Page title.
    TITLE = "研发条件", "R&D conditions";
    /// Intro.
    INTRO = "填写研发仪器设备、研发场所、研发机构和产学研合作单位。", "R&D equipment and space, the company's R&D institutions and its university or institute partners.";
    /// Section.
    FACILITIES = "设备与场所", "Equipment and space";
    /// Field.
    EQUIPMENT = "技术开发仪器设备原值", "R&D equipment (original value)";
    /// Field.
    RD_SPACE = "研发场所面积", "R&D space";
    /// Field.
    CERTIFIED_LABS = "经认定的实验室数", "Certified laboratories";
    /// Help under the facilities form.
    CERTIFIED_LABS_HELP = "经认定的实验室指通过 CNAS 等认可的检测或校准实验室。", "Certified laboratories are testing or calibration labs accredited by CNAS or a similar body.";
    /// Section.
    INSTITUTIONS = "研发机构", "R&D institutions";
    /// Intro of the institutions list.
    INSTITUTIONS_HELP = "企业自建或共建、经认定的研发机构。级别和认定年月决定直通条件和资格年限；省级企业技术中心还须填写认定部门（省发改委或省工信厅）。", "Institutions the company runs, alone or jointly. Their level and the month recognised decide direct routes and years of standing; for a provincial tech center, also say which department recognised it.";
    /// Heading of one institution (followed by its number).
    INSTITUTION = "研发机构", "Institution";
    /// Row field.
    INST_NAME = "名称", "Name";
    /// Row field.
    INST_KIND = "类别", "Kind";
    /// Row field.
    INST_LEVEL = "级别", "Level";
    /// Row field.
    INST_YEAR = "认定年份", "Year recognised";
    /// Label.
    INST_MONTH = "认定月份", "Month recognised";
    /// Label.
    INST_TRACK = "认定部门", "Recognised by";
    /// Beside an empty track (`{track}` is the department the industry implies).
    TRACK_INFERRED = "未填写时按所属行业视为{track}", "Not entered: taken as {track} from the industry";
    /// Empty list.
    NO_INSTITUTIONS = "尚未添加研发机构。", "No institution yet.";
    /// Button.
    ADD_INSTITUTION = "+ 添加研发机构", "+ Add an institution";
    /// Remove button hover.
    REMOVE_INSTITUTION = "删除这个研发机构", "Remove this institution";
    /// Section.
    PARTNERS = "产学研合作单位", "University and institute partners";
    /// Intro of the partners list.
    PARTNERS_HELP = "合作的高校和科研院所，每行一家；空行不计数。", "Universities and research institutes the company works with, one per row; empty rows are not counted.";
    /// Row label (followed by its number).
    PARTNER = "合作单位", "Partner";
    /// Empty list.
    NO_PARTNERS = "尚未添加合作单位。", "No partner yet.";
    /// Button.
    ADD_PARTNER = "+ 添加合作单位", "+ Add a partner";
    /// Remove button hover.
    REMOVE_PARTNER = "删除这个合作单位", "Remove this partner";
    /// Institution kind.
    KIND_TECH_CENTER = "企业技术中心", "Enterprise technology center";
    /// Institution kind.
    KIND_ENGINEERING_CENTER = "工程技术研究中心", "Engineering research center";
    /// Institution kind.
    KIND_KEY_LAB = "重点实验室", "Key laboratory";
    /// Institution kind.
    KIND_ACADEMICIAN_STATION = "院士工作站", "Academician workstation";
    /// Institution kind.
    KIND_POSTDOC_STATION = "博士后工作站", "Postdoctoral workstation";
    /// Institution kind.
    KIND_OTHER = "其他", "Other";
    /// Institution level.
    LEVEL_NONE = "未认定", "Not recognised";
    /// Institution level.
    LEVEL_ENTERPRISE = "企业自建", "Company's own";
    /// Institution level.
    LEVEL_MUNICIPAL = "市级", "Municipal";
    /// Institution level.
    LEVEL_PROVINCIAL = "省级（省部级）", "Provincial";
    /// Institution level.
    LEVEL_NATIONAL = "国家级", "National";
}
