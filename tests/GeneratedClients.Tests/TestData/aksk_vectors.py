#!/usr/bin/env python3
"""Expected AK/SK signatures, computed apart from the C# runtime, for AkSkSigningTests.

An independent implementation of Huawei Cloud's SDK-HMAC-SHA256 signing (issue 13, section 1, steps 1-6), written
from the algorithm's description with nothing but the Python standard library. Each case is a request as a client
builds it, before signing; the output adds what signing must produce. The tests read the output and do not need
Python. Regenerate after changing a case:

    python3 aksk_vectors.py > aksk_vectors.json
"""

import hashlib
import hmac
import json
from urllib.parse import quote, unquote, urlsplit

PROJECT_ID = "0c8243400d37468bb4aed3cc94c2911d"
CREDENTIALS = {"accessKey": "HPUAXLKQ1EXAMPLEAK9Z", "secretKey": "sK3x+Example/Secret=Key0123456789abcdefGH"}
TEMPORARY = dict(CREDENTIALS, projectId=PROJECT_ID, securityToken="gQpzdG9rZW4tZXhhbXBsZQ==")
DATE = "20191115T033655Z"

CASES = [
    {
        "name": "get-with-query",
        "credentials": dict(CREDENTIALS, projectId=PROJECT_ID),
        "method": "GET",
        "url": "https://modelarts.ap-southeast-1.myhuaweicloud.com/v2/" + PROJECT_ID
        + "/pools?limit=10&workspace=default&status=running&status=creating&status=abnormal",
        "headers": [["X-Language", "en-us"]],
        "contentType": None,
        "body": None,
    },
    {
        "name": "post-json",
        "credentials": TEMPORARY,
        "method": "POST",
        "url": "https://gaussdb-opengauss.ap-southeast-1.myhuaweicloud.com/v3/" + PROJECT_ID
        + "/instances/f9b5f9b296ec6808e067in14/kernel-plugin",
        "headers": [["X-Language", "en-us"]],
        "contentType": "application/json; charset=utf-8",
        "body": '{"name":"postgis","selected_nodes":["ab1c2d3e4f5g6h7i8j9k0lmn"]}',
    },
    {
        "name": "date-given",
        "credentials": CREDENTIALS,
        "method": "DELETE",
        "url": "https://modelarts.ap-southeast-1.myhuaweicloud.com/v1/" + PROJECT_ID + "/services/svc-1",
        "headers": [["X-Sdk-Date", "20240229T235959Z"]],
        "contentType": None,
        "body": None,
    },
    {
        "name": "underscore-header",
        "credentials": CREDENTIALS,
        "method": "GET",
        "url": "https://modelarts.ap-southeast-1.myhuaweicloud.com/v1/" + PROJECT_ID + "/services",
        "headers": [["X-Trace_Id", "not-signed"], ["X-Custom", "  padded value  "]],
        "contentType": None,
        "body": None,
    },
    {
        "name": "unsigned-payload",
        "credentials": CREDENTIALS,
        "method": "PUT",
        "url": "https://obs.ap-southeast-1.myhuaweicloud.com/v1/objects/blob.bin",
        "headers": [],
        "contentType": "application/octet-stream",
        "body": "\u0000\u0001binary",
    },
    {
        "name": "reserved-path-and-query",
        "credentials": CREDENTIALS,
        "method": "GET",
        "url": "https://example.ap-southeast-1.myhuaweicloud.com/v1/"
        + "/".join(quote(segment, safe="") for segment in ["a b", "c:d@e", "!$&'()*+,;=", "~._-", "100%", "\u4e2d\u6587"])
        + "?q=" + quote("x y/z?&=", safe="") + "&flag&" + quote("\u540d", safe="") + "=" + quote("\u503c", safe="")
        + "&b=2&a=1",
        "headers": [],
        "contentType": None,
        "body": None,
    },
]


def encode(text):
    # Unreserved: A-Z a-z 0-9 - _ . ~ (quote's own safe set, with nothing added); hex in upper case.
    return quote(text, safe="")


def canonical_uri(raw_path):
    segments = unquote(raw_path).split("/")
    uri = "/".join(encode(segment) for segment in segments)
    return uri if uri.endswith("/") else uri + "/"


def canonical_query(raw_query):
    pairs = []
    for item in raw_query.split("&"):
        if not item:
            continue
        name, _, value = item.partition("=")
        pairs.append((unquote(name), unquote(value)))
    return "&".join(encode(name) + "=" + encode(value) for name, value in sorted(pairs))


def is_json(content_type):
    media_type = content_type.split(";")[0].strip().lower() if content_type else ""
    return media_type == "application/json" or media_type.endswith("+json")


def sign(case):
    credentials = case["credentials"]
    url = urlsplit(case["url"])
    headers = [list(header) for header in case["headers"]]
    added = []

    def has(name):
        return any(existing.lower() == name.lower() for existing, _ in headers)

    def add(name, value):
        headers.append([name, value])
        added.append([name, value])

    if not has("X-Sdk-Date"):
        add("X-Sdk-Date", DATE)
    if not has("Host"):
        add("Host", url.netloc)
    if credentials.get("projectId"):
        add("X-Project-Id", credentials["projectId"])
    if credentials.get("securityToken"):
        add("X-Security-Token", credentials["securityToken"])

    body = case["body"]
    if body is None:
        payload_hash = hashlib.sha256(b"").hexdigest()
    elif is_json(case["contentType"]):
        payload_hash = hashlib.sha256(body.encode("utf-8")).hexdigest()
    else:
        payload_hash = "UNSIGNED-PAYLOAD"
        add("X-Sdk-Content-Sha256", payload_hash)

    signed = sorted((name.lower(), value) for name, value in headers if "_" not in name)
    signed_names = ";".join(name for name, _ in signed)
    canonical_headers = "".join(name + ":" + value.strip() + "\n" for name, value in signed)
    canonical_request = "\n".join([
        case["method"],
        canonical_uri(url.path),
        canonical_query(url.query),
        canonical_headers,
        signed_names,
        payload_hash,
    ])
    date = next(value for name, value in headers if name.lower() == "x-sdk-date")
    string_to_sign = "SDK-HMAC-SHA256\n" + date + "\n" + hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()
    signature = hmac.new(credentials["secretKey"].encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    authorization = "SDK-HMAC-SHA256 Access=" + credentials["accessKey"] + ", SignedHeaders=" + signed_names + ", Signature=" + signature
    return dict(case, clock=DATE, expected={
        "canonicalRequest": canonical_request,
        "stringToSign": string_to_sign,
        "addedHeaders": added,
        "authorization": authorization,
    })


if __name__ == "__main__":
    print(json.dumps([sign(case) for case in CASES], indent=2, ensure_ascii=False))
