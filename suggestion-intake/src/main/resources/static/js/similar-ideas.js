/*
 * "Support this one instead?" on the idea form: once the title and description hold at least three
 * words, and the person paused typing, ask the router for similar open ideas and list them with links
 * to their pages (where "me too" is).
 *
 * The draft goes from this browser straight to the router, with the person's own router session
 * (credentials: 'include'); it never passes through intake's server. So nothing is asked while
 * "Submit anonymously" is ticked (and ticking it clears the box): the router, or a proxy's access log
 * before it, would otherwise hold the person's session beside the text of the anonymous idea that
 * arrives a moment later. On any failure (not signed in
 * at the router, router down, an answer we do not understand) the box stays empty. Without
 * JavaScript the form works the same, without the box.
 */
(function () {
    'use strict';

    var DEBOUNCE_MS = 600;
    var MIN_WORDS = 3;
    var MAX_TEXT = 5000;
    var MAX_ITEMS = 5;

    var region = document.getElementById('similar-ideas');
    var anonymous = document.getElementById('anonymous');
    var title = document.getElementById('title');
    var description = document.getElementById('description');
    if (!region || !title || !description || !window.fetch || !window.AbortController || !window.URL) {
        return;
    }
    var endpoint = region.getAttribute('data-similar-url');
    var supportersText = region.getAttribute('data-supporters') || '{0}';
    var box = region.querySelector('div');
    var list = region.querySelector('ul');
    if (!endpoint || !box || !list) {
        return;
    }
    var routerOrigin = new URL(endpoint, document.baseURI).origin;

    var timer = null;
    var inFlight = null;
    var asked = '';

    function draft() {
        var text = (title.value.trim() + '\n' + description.value.trim()).trim();
        return text.length > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    function wordCount(text) {
        return text.split(/\s+/).filter(function (word) { return word.length > 0; }).length;
    }

    function clear() {
        list.replaceChildren();
        box.hidden = true;
    }

    /** Only links to the router's own pages: an item's url is shown as a link, so it must not go elsewhere. */
    function ideaUrl(raw) {
        try {
            var url = new URL(raw, endpoint);
            return url.origin === routerOrigin && (url.protocol === 'https:' || url.protocol === 'http:') ? url.href : null;
        } catch (e) {
            return null;
        }
    }

    function show(items) {
        var rows = [];
        items.slice(0, MAX_ITEMS).forEach(function (item) {
            var href = item && typeof item.title === 'string' ? ideaUrl(item.url) : null;
            if (!href) {
                return;
            }
            var row = document.createElement('li');
            var link = document.createElement('a');
            link.href = href;
            link.textContent = item.title;
            row.appendChild(link);
            if (typeof item.supportCount === 'number') {
                var count = document.createElement('span');
                count.className = 'hint';
                count.textContent = ' \u00b7 ' + supportersText.replace('{0}', String(item.supportCount));
                row.appendChild(count);
            }
            rows.push(row);
        });
        if (rows.length === 0) {
            clear();
            return;
        }
        list.replaceChildren.apply(list, rows);
        box.hidden = false;
    }

    function lookUp() {
        var text = draft();
        if (wordCount(text) < MIN_WORDS || (anonymous && anonymous.checked)) {
            asked = '';
            if (inFlight) {
                inFlight.abort();
                inFlight = null;
            }
            clear();
            return;
        }
        if (text === asked) {
            return;
        }
        asked = text;
        if (inFlight) {
            inFlight.abort();
        }
        var request = new AbortController();
        inFlight = request;
        fetch(endpoint + '?text=' + encodeURIComponent(text), {
            credentials: 'include',
            headers: { 'Accept': 'application/json' },
            cache: 'no-store',
            redirect: 'error',
            referrerPolicy: 'no-referrer',
            signal: request.signal
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (body) {
            if (inFlight !== request) {
                return;
            }
            inFlight = null;
            // the list itself, or wrapped as {"items": [...]}
            var items = Array.isArray(body) ? body : (body && Array.isArray(body.items) ? body.items : null);
            if (items) {
                show(items);
            } else {
                clear();
            }
        }).catch(function () {
            if (inFlight === request) {
                // not signed in at the router, router down, not JSON: show nothing, ask again on the next change
                inFlight = null;
                asked = '';
                clear();
            }
        });
    }

    function typed() {
        if (timer) {
            clearTimeout(timer);
        }
        timer = setTimeout(lookUp, DEBOUNCE_MS);
    }

    title.addEventListener('input', typed);
    description.addEventListener('input', typed);
    if (anonymous) {
        anonymous.addEventListener('change', lookUp);
    }
    // a form re-shown after an error already holds text
    if (wordCount(draft()) >= MIN_WORDS) {
        typed();
    }
}());
