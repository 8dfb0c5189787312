"""China's provinces and prefecture-level cities, to name a document's region.

Only the two upper levels: a county is taken as printed ("XX县", "XX区")
from the issuer.  The table is data; short forms (临沂 for 临沂市) are derived.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TABLE = """
北京市:
天津市:
上海市:
重庆市:
河北省:石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市 雄安新区
山西省:太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市
内蒙古自治区:呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟
辽宁省:沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市
吉林省:长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州
黑龙江省:哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区
江苏省:南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市
浙江省:杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市
安徽省:合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市
福建省:福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市 平潭综合实验区
江西省:南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市
山东省:济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市
河南省:郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市 济源市
湖北省:武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州 仙桃市 潜江市 天门市
湖南省:长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州
广东省:广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市
广西壮族自治区:南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市
海南省:海口市 三亚市 三沙市 儋州市
四川省:成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 阿坝藏族羌族自治州 甘孜藏族自治州 凉山彝族自治州
贵州省:贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州 黔东南苗族侗族自治州 黔南布依族苗族自治州
云南省:昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州 红河哈尼族彝族自治州 文山壮族苗族自治州 西双版纳傣族自治州 大理白族自治州 德宏傣族景颇族自治州 怒江傈僳族自治州 迪庆藏族自治州
西藏自治区:拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区
陕西省:西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市
甘肃省:兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州 甘南藏族自治州
青海省:西宁市 海东市 海北藏族自治州 黄南藏族自治州 海南藏族自治州 果洛藏族自治州 玉树藏族自治州 海西蒙古族藏族自治州
宁夏回族自治区:银川市 石嘴山市 吴忠市 固原市 中卫市
新疆维吾尔自治区:乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州 博尔塔拉蒙古自治州 巴音郭楞蒙古自治州 阿克苏地区 克孜勒苏柯尔克孜自治州 喀什地区 和田地区 伊犁哈萨克自治州 塔城地区 阿勒泰地区
香港特别行政区:
澳门特别行政区:
台湾省:
"""

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


def _short(full: str) -> str:
    for suffix in (
        "特别行政区",
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "省",
        "市",
        "地区",
        "盟",
        "新区",
    ):
        if full.endswith(suffix) and len(full) - len(suffix) >= 2:
            return full[: -len(suffix)]
    m = re.match(r"^(.{2,}?)(?:[^族]{1,6}族)+自治州$", full)
    if m:
        return m.group(1)
    return full


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(province short/full -> full, city short/full -> (city full, province full))."""
    provinces: dict[str, str] = {}
    cities: dict[str, tuple[str, str]] = {}
    for line in _TABLE.strip().splitlines():
        prov, _, rest = line.partition(":")
        provinces[prov] = prov
        provinces[_short(prov)] = prov
        if prov in MUNICIPALITIES:
            cities[prov] = (prov, prov)
            cities[_short(prov)] = (prov, prov)
        for city in rest.split():
            cities[city] = (city, prov)
            short = _short(city)
            # "吉林" is a province and a city; the province wins for the short form.
            if short not in provinces:
                cities.setdefault(short, (city, prov))
    return provinces, cities


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    provinces, cities = tables()
    names = sorted(set(provinces) | set(cities), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def find_places(text: str) -> list[tuple[str, str | None, str]]:
    """Every place name in the text as (province, city or None, the name as printed), in order."""
    provinces, cities = tables()
    out = []
    for m in _name_pattern().finditer(text or ""):
        name = m.group(0)
        if name in cities and not (name in provinces and provinces[name] not in MUNICIPALITIES):
            city, prov = cities[name]
            out.append((prov, city, name))
        elif name in provinces:
            prov = provinces[name]
            out.append((prov, prov if prov in MUNICIPALITIES else None, name))
    return out


@lru_cache(maxsize=1)
def counties() -> dict[str, tuple[tuple[str, str], ...]]:
    """County full name -> every (city, province) that has a county of that name (鼓楼区 has several)."""
    from .divisions import DIVISIONS

    out: dict[str, list[tuple[str, str]]] = {}
    for line in DIVISIONS.strip().splitlines():
        prov, city, names = line.split(":", 2)
        for name in names.split():
            out.setdefault(name, []).append((city, prov))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _county_pattern() -> re.Pattern[str]:
    names = sorted((n for n in counties() if len(n) >= 3 or n.endswith("县")), key=len, reverse=True)
    # a county name inside a longer word ("城关区域") is not the county
    return re.compile("(" + "|".join(re.escape(n) for n in names) + r")(?![\u4e00-\u9fff]{0,1}域)")


def locate(text: str) -> tuple[str | None, str | None, str | None] | None:
    """(province, city, county) of the first place a name or title names, counties resolved by their city.

    "临沂市兰山区科学技术局" -> (山东省, 临沂市, 兰山区); "兰山区人民政府" -> the same,
    since only 临沂 has a 兰山区; "鼓楼区" alone names no city (several have one).
    """
    if not text:
        return None
    places = find_places(text)
    county_hit = _county_pattern().search(text)
    first = places[0] if places else None
    if county_hit and (first is None or text.find(first[2]) > county_hit.start() or first[1]):
        options = counties()[county_hit.group(1)]
        if first and first[1]:
            options = tuple(o for o in options if o[0] == first[1]) or ()
        elif first:
            options = tuple(o for o in options if o[1] == first[0]) or ()
        if len(options) == 1 and not (first and first[1] and county_hit.start() > text.find(first[2]) + 12):
            city, prov = options[0]
            county = county_hit.group(1) if county_hit.group(1) != city else None
            return prov, city, county
    if first and first[1]:
        # "广州南沙新区": a 新区 named for a district of its city covers that district (南沙新区 -> 南沙区)
        for m in re.finditer(r"([\u4e00-\u9fff]{2})新区", text):
            district = m.group(1) + "区"
            if any(city == first[1] for city, _ in counties().get(district, ())):
                return first[0], first[1], district
    if first:
        return first[0], first[1], None
    return None


@lru_cache(maxsize=1)
def _region_names() -> dict[str, str]:
    """Every name a region filter may use (full and short) -> the full name to suggest."""
    provinces, cities = tables()
    names = {name: full for name, full in provinces.items()}
    names.update({name: city for name, (city, _) in cities.items() if name not in names})
    names.update({county: county for county in counties() if county not in names})
    return names


def region_known(name: str) -> bool:
    """True for a province, city or county, full or short (山东省, 山东, 临沂市, 临沂, 兰山区)."""
    return name.strip() in _region_names()


def closest_regions(name: str, n: int = 3) -> list[str]:
    """The full names of the regions spelled most like ``name``, best first (临沂县 -> 临沂市 …)."""
    import difflib

    names = _region_names()
    out: list[str] = []
    for close in difflib.get_close_matches(name.strip(), list(names), n=n * 3, cutoff=0.4):
        if names[close] not in out:
            out.append(names[close])
    return out[:n]
