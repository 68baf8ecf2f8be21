vcl 4.1;

# Varnish for compose.yaml: Midad's own rules (deploy/varnish/midad.vcl, mounted beside this
# file) in front of the two app nodes of that file, which purge from their own addresses. The
# names below are resolved when Varnish starts, so it starts after both nodes.

import directors;
import xkey;

# The app nodes may purge. midad.vcl's own list names only this machine.
acl compose_nodes {
    "app-1";
    "app-2";
}

sub vcl_recv {
    if (req.method == "PURGE" && client.ip ~ compose_nodes) {
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
}

include "midad.vcl";

backend app_1 {
    .host = "app-1";
    .port = "3000";
    .probe = { .url = "/api/health"; .interval = 5s; .timeout = 3s; .window = 3; .threshold = 2; }
}

backend app_2 {
    .host = "app-2";
    .port = "3000";
    .probe = { .url = "/api/health"; .interval = 5s; .timeout = 3s; .window = 3; .threshold = 2; }
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(app_1);
    nodes.add_backend(app_2);
}

# midad.vcl's backend (the first declared, so every request's default) stands for one node on the
# same machine; here the healthy nodes above take turns instead.
sub vcl_backend_fetch {
    if (bereq.backend == midad) {
        set bereq.backend = nodes.backend();
    }
}
