vcl 4.1;

# Varnish in front of Midad (Varnish 7 with the xkey vmod from varnish-modules).
# Readers' pages are cached as Midad's Cache-Control allows and dropped by surrogate key the
# moment the desk changes them: Midad sends PURGE with the keys in an `xkey-purge` header
# (EDGE_CACHE=varnish, VARNISH_PURGE_URLS). See docs/operations.md.

import xkey;

# One Midad node. For several, declare one backend per node and a round-robin director
# (import directors; new nodes = directors.round_robin(); nodes.add_backend(…)) in vcl_init.
backend midad {
    .host = "127.0.0.1";
    .port = "3000";
}

# Who may purge: the addresses the Midad nodes connect from. Nobody else.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }

    # The desk, sign-in, route handlers and Auth.js are never cached, whatever they answer —
    # except the read-only content API (/api/v1/), whose anonymous answers are cached and purged
    # like pages; a call with a key is passed below (Authorization). Nor are partner preview
    # links, whose secret address must not become a cache key. Also any first segment written
    # with escapes or in capitals (`/%64esk`, `/DESK`): Midad reads a path decoded, and such a
    # request must keep its cookie and never be stored.
    if ((req.url ~ "(?i)^/(desk|login|api|preview)(/|\?|$)" && req.url !~ "^/api/v1/") || req.url ~ "^/[^/?]*%") {
        return (pass);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Public pages are the same for every reader: cookies play no part in them, and keeping
    # them would make each reader's request a miss. Midad answers private pages (search
    # results) `private, no-store`, which is never stored.
    unset req.http.Cookie;
    if (req.http.Authorization) {
        return (pass);
    }
    return (hash);
}

sub vcl_backend_response {
    # Midad gives public pages `stale-while-revalidate=30`, which Varnish takes as grace; never
    # serve an old page longer than that, whatever a response says.
    if (beresp.grace > 30s) {
        set beresp.grace = 30s;
    }
    # A page at the end of its lifetime (max-age=0, no s-maxage) is not reused; the next request
    # asks Midad again instead of being sent past the cache for two minutes.
    if (beresp.ttl <= 0s && beresp.http.Cache-Control ~ "public") {
        set beresp.ttl = 1s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # `Vary: rsc, next-router-…` is kept: it separates the HTML page from the React Server
    # Components data of client-side navigation, which share one address.
}

sub vcl_deliver {
    # The keys are for this cache only.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
