"""Which families there are and the values a site config may give each: the config's schema.

Data only, no imports: ``crawler.config`` validates a site's ``family`` and
its table (``[hanweb] columnid = "123"``) against it, and each family module
takes its own ``PARAMS`` from here.
"""

from __future__ import annotations

FAMILY_PARAMS: dict[str, dict[str, str]] = {
    "generic": {},
    "trs": {},
    "hanweb": {
        "columnid": "the column's id (col/col{ID}/index.html)",
        "unitid": "the id of the list unit on the page (in the page's dataproxy parameters)",
        "webid": "the site's id",
        "appid": "the application id (1)",
        "col": "(1)",
        "path": "the site's path (/)",
        "webname": "the site's name",
        "sourceContentType": "(1)",
        "permissiontype": "(0)",
        "perpage": "records a page shows (15)",
        "group": "pages one proxy request asks for (3)",
        "proxy": "the proxy's path (/module/web/jpage/dataproxy.jsp)",
    },
    "gkmlpt": {
        "column": "the column id (the number after # in the page's URL; 0 for all)",
        "sid": "the site id the page prints as SID",
        "per_page": "articles in one API page (the API's own count when unset)",
    },
    "govcn": {
        "prefix": "the list file's name before _N (default home)",
        "ext": "its extension (default htm)",
    },
}
