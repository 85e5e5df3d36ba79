vcl 4.1;
# The front cache of Meslek Rehberi (Varnish 7 + varnish-modules' xkey).
#
# * Anonymous pages are cached for as long as the app's `Cache-Control: s-maxage` says, and
#   refreshed the moment they change: every cached page carries an `xkey` header listing what
#   it shows (role-12, sector-3, comments-12, minwage, ...), and after each commit a job worker
#   sends `PURGE` here (careers/site/pagecache/purge.py) with `xkey-softpurge: role-12 ...`
#   for an edit (the page is kept in grace: readers are served it while ONE background fetch
#   gets the new one, so no reader waits) or `xkey-purge: ...` for what must never be seen
#   again (an unpublished article, a removed comment: gone at once; the committing app server
#   sends that one itself too).
# * Nothing personal is stored: requests with a session or messages cookie, the admin, and
#   any response without s-maxage, with Set-Cookie or `private` go straight to the app.
# * /static/ and /media/ come from the file server (nginx) and are cached here too.
#
# * One copy per page: a Host header that is not one of the site's names gets 400 here, and the
#   cache keys pages by their address alone, so no Host value (made up, another case, a port)
#   can make it keep another copy.
#
# backends.vcl (next to this file, or on vcl_path) names the app servers and the file server,
# adds the app servers to the `apps` director (sub meslek_add_backends), lists who may purge
# (acl purgers: the app servers) and the site's names (sub meslek_site_hosts, in step with
# DJANGO_ALLOWED_HOSTS); `make stack` writes one for 127.0.0.1, and docs/deploy.md shows one
# for several hosts.

import directors;
import std;
import xkey;
import vsthrottle;
import var;

sub vcl_init {
    new apps = directors.round_robin();
    call meslek_add_backends;
}

include "backends.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge && !req.http.xkey-softpurge) {
            return (synth(400, "xkey-purge or xkey-softpurge header required"));
        }
        # The time of the latest purge of each kind, written BEFORE purging: a page whose
        # fetch began earlier and ends later may show what was purged (vcl_backend_response).
        if (req.http.xkey-softpurge) {
            var.global_set("softpurged", "" + std.time2real(now, 0.0));
            set req.http.x-soft = xkey.softpurge(req.http.xkey-softpurge);
        }
        if (req.http.xkey-purge) {
            var.global_set("purged", "" + std.time2real(now, 0.0));
            set req.http.x-hard = xkey.purge(req.http.xkey-purge);
        }
        return (synth(200, "Purged " + req.http.x-hard + ", soft purged " + req.http.x-soft));
    }
    # The site's names only (lower case, without port or final dot): anything else is refused
    # before it reaches an app server or a cache slot.
    set req.http.x-site-host = std.tolower(regsub(req.http.host, "\.?(:[0-9]+)?$", ""));
    call meslek_site_hosts;
    if (req.http.x-site-host != "known") {
        return (synth(400, "Unknown host"));
    }
    unset req.http.x-site-host;
    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST") {
        return (synth(405, "Method not allowed"));
    }
    if (req.url ~ "^/(static|media)/") {
        set req.backend_hint = files;
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }
    set req.backend_hint = apps.backend();
    # Sign-in attempts: at most 10 a minute from one address reach the app servers (django-axes
    # there locks the account and the address after 5 failures); the rest are refused here, so
    # a password flood costs the app servers nothing and public pages keep their speed.
    # (Keep the path in step with DJANGO_ADMIN_PATH.)
    if (req.method == "POST" && req.url ~ "^/yonetim/login/"
        && vsthrottle.is_denied("login:" + client.identity, 10, 60s, 300s)) {
        return (synth(429, "Too Many Requests"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(yonetim|markdownx)/" || req.http.Authorization) {
        return (pass);
    }
    # A visitor with a session (staff: drafts, previews) or pending messages sees a personal
    # page; every other cookie (csrftoken from an earlier admin visit) changes nothing.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    unset req.http.Cookie;
    # Turkish is the only language: a page never varies by Accept-Language.
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_hash {
    # The address alone: every accepted Host name shows the same page (canonical links come
    # from SITE_URL), so the cache holds one copy of it.
    hash_data(req.url);
    return (lookup);
}

sub vcl_backend_fetch {
    var.set_real("fetch-start", std.time2real(now, 0.0));
}

sub vcl_backend_response {
    if (bereq.url ~ "^/(static|media)/") {
        if (beresp.status != 200) {
            set beresp.ttl = 10s;
        }
        if (beresp.http.Content-Type ~ "^(text/|application/(javascript|json)|image/svg)") {
            set beresp.do_gzip = true;
        }
        return (deliver);
    }
    # Only what the app marked as shared: `public, s-maxage=N` and no cookie. Varnish takes
    # its TTL from s-maxage; everything else is fetched again for every request.
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "s-maxage"
        || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Content-Type ~ "^(text/|application/(rss\+xml|atom\+xml|xml|json))") {
        set beresp.do_gzip = true;
    }
    # After a soft purge (or natural expiry) the page is served from grace while ONE
    # background fetch gets the new one (requests for it are coalesced meanwhile).
    set beresp.grace = 1h;
    if (var.get_real("fetch-start") <= std.real(var.global_get("purged"), 0.0)) {
        # A hard purge came while this was fetched: it may show what was taken down.
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    if (beresp.ttl <= 0s
        || var.get_real("fetch-start") <= std.real(var.global_get("softpurged"), 0.0)) {
        # Outdated already (the app's previous render while it renders anew: s-maxage=0; or
        # a soft purge came while this was fetched): kept only to be served from grace while
        # it is fetched again (a TTL of 0 would not be looked up at all).
        set beresp.ttl = 0.001s;
    }
    return (deliver);
}

sub vcl_synth {
    if (resp.status == 400) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.http.Cache-Control = "private, no-store";
        synthetic("Bu site bu adla sunulmuyor.");
        return (deliver);
    }
    if (resp.status == 405) {  # what passes this front; each address may take fewer
        set resp.http.Allow = "GET, HEAD, POST";
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.http.Cache-Control = "private, no-store";
        synthetic("Bu adres yalnızca şu yöntemleri kabul eder: GET, HEAD, POST.");
        return (deliver);
    }
    if (resp.status == 429) {
        set resp.http.Content-Type = "text/html; charset=utf-8";
        set resp.http.Retry-After = "300";
        set resp.http.X-Throttled = "front";
        set resp.http.Cache-Control = "private, no-store";
        synthetic({"<!doctype html><html lang="tr"><meta charset="utf-8"><title>Çok fazla deneme</title><h1>Çok fazla giriş denemesi</h1><p>Bu adresten kısa sürede çok fazla giriş denemesi yapıldı. Lütfen birkaç dakika sonra yeniden deneyin.</p></html>"});
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0 && obj.ttl <= 0s) {
        set resp.http.X-Cache = "STALE";  # from grace, while a background fetch renews it
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The surrogate keys are for this cache only.
    unset resp.http.xkey;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
