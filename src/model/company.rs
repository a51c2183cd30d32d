use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Company identity and classification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Company {
    /// Registered name (企业名称).
    pub name: String,
    /// 统一社会信用代码, 18 characters with a GB 32100-2015 check digit.
    pub uscc: String,
    /// City (设区市) in Jiangxi, or 赣江新区.
    pub city: Option<City>,
    /// Industry class used for SME sizing and track selection.
    pub industry: Option<Industry>,
    /// Date of incorporation.
    pub founded: Option<NaiveDate>,
    /// Independent legal person registered in China (独立法人).
    pub independent_legal_person: Option<bool>,
    /// Products are not in the prohibited/restricted/eliminated catalogue.
    pub products_permitted: Option<bool>,
}

/// Jiangxi's eleven prefecture-level cities and the Ganjiang New Area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[expect(missing_docs, reason = "the city names are their documentation")]
pub enum City {
    Nanchang,
    Jingdezhen,
    Pingxiang,
    Jiujiang,
    Xinyu,
    Yingtan,
    Ganzhou,
    Jian,
    Yichun,
    Fuzhou,
    Shangrao,
    GanjiangNewArea,
    /// Registered outside Jiangxi.
    OutsideJiangxi,
}

impl City {
    /// Every variant, in the official order.
    pub const ALL: [City; 13] = [
        City::Nanchang,
        City::Jingdezhen,
        City::Pingxiang,
        City::Jiujiang,
        City::Xinyu,
        City::Yingtan,
        City::Ganzhou,
        City::Jian,
        City::Yichun,
        City::Fuzhou,
        City::Shangrao,
        City::GanjiangNewArea,
        City::OutsideJiangxi,
    ];

    /// Chinese name.
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            City::Nanchang => "南昌",
            City::Jingdezhen => "景德镇",
            City::Pingxiang => "萍乡",
            City::Jiujiang => "九江",
            City::Xinyu => "新余",
            City::Yingtan => "鹰潭",
            City::Ganzhou => "赣州",
            City::Jian => "吉安",
            City::Yichun => "宜春",
            City::Fuzhou => "抚州",
            City::Shangrao => "上饶",
            City::GanjiangNewArea => "赣江新区",
            City::OutsideJiangxi => "省外",
        }
    }

    /// English name.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            City::Nanchang => "Nanchang",
            City::Jingdezhen => "Jingdezhen",
            City::Pingxiang => "Pingxiang",
            City::Jiujiang => "Jiujiang",
            City::Xinyu => "Xinyu",
            City::Yingtan => "Yingtan",
            City::Ganzhou => "Ganzhou",
            City::Jian => "Ji'an",
            City::Yichun => "Yichun",
            City::Fuzhou => "Fuzhou",
            City::Shangrao => "Shangrao",
            City::GanjiangNewArea => "Ganjiang New Area",
            City::OutsideJiangxi => "Outside Jiangxi",
        }
    }
}

/// Industry classes that matter for SME sizing and the provincial tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Industry {
    /// 工业/制造业.
    Industrial,
    /// 软件和信息技术服务业.
    Software,
    /// 建筑业.
    Construction,
    /// 第一产业 (agriculture, forestry, fishery).
    Primary,
    /// 其他第三产业 (other services).
    OtherTertiary,
}

impl Industry {
    /// Every variant.
    pub const ALL: [Industry; 5] = [
        Industry::Industrial,
        Industry::Software,
        Industry::Construction,
        Industry::Primary,
        Industry::OtherTertiary,
    ];

    /// Chinese name.
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            Industry::Industrial => "工业/制造业",
            Industry::Software => "软件和信息技术服务业",
            Industry::Construction => "建筑业",
            Industry::Primary => "第一产业",
            Industry::OtherTertiary => "其他第三产业",
        }
    }

    /// English name.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            Industry::Industrial => "Industry / manufacturing",
            Industry::Software => "Software and IT services",
            Industry::Construction => "Construction",
            Industry::Primary => "Primary industry",
            Industry::OtherTertiary => "Other tertiary industry",
        }
    }

    /// First or tertiary industry (the 省发改委 track's sectors).
    #[must_use]
    pub fn is_primary_or_tertiary(self) -> bool {
        matches!(
            self,
            Industry::Primary | Industry::Software | Industry::OtherTertiary
        )
    }
}
