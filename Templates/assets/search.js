// PaperDigest search: loads the site's word index once and answers as you type, in the
// browser, with no server. Words are folded as the build folds them (lower case, accents
// removed, split at anything not a letter or digit); every query word must match the
// start of a word of the paper's title or abstract.
(function () {
  "use strict";
  var root = document.querySelector(".search");
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!root || !input || !list || !status) return;
  var index = null;  // the built-in index, once loaded
  var decoded = {};
  var limit = 50;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  function postings(i) {
    if (decoded[i]) return decoded[i];
    var out = [], previous = -1;
    index.postings[i].split(".").forEach(function (gap) {
      previous += parseInt(gap, 36) + 1;
      out.push(previous);
    });
    return (decoded[i] = out);
  }

  // First term >= word, by UTF-16 code units like the build sorted them.
  function lowerBound(word) {
    var lo = 0, hi = index.terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (index.terms[mid] < word) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  // Papers with a word starting with `word`; exact matches score higher than prefixes.
  function matches(word) {
    var found = new Map();
    for (var i = lowerBound(word); i < index.terms.length && index.terms[i].startsWith(word); i++) {
      var weight = index.terms[i] === word ? 2 : 1;
      postings(i).forEach(function (p) { found.set(p, Math.max(found.get(p) || 0, weight)); });
    }
    return found;
  }

  function search(query) {
    var words = fold(query);
    if (words.length === 0) return null;
    var scores = null;
    words.forEach(function (word) {
      var found = matches(word);
      if (scores === null) { scores = found; return; }
      var next = new Map();
      scores.forEach(function (score, p) { if (found.has(p)) next.set(p, score + found.get(p)); });
      scores = next;
    });
    var results = [];
    scores.forEach(function (score, p) {
      var title = fold(index.papers[p][0]);
      words.forEach(function (word) {
        if (title.some(function (t) { return t.startsWith(word); })) score += 3;
      });
      results.push({ paper: p, score: score });
    });
    results.sort(function (a, b) {
      return b.score - a.score || (index.papers[b.paper][2] > index.papers[a.paper][2] ? 1 : index.papers[b.paper][2] < index.papers[a.paper][2] ? -1 : a.paper - b.paper);
    });
    return { words: words, results: results };
  }

  // "2026-03-12" → "March 12, 2026", as every page of the site writes dates.
  var monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function longDate(iso) {
    var parts = iso.split("-");
    var month = monthNames[parseInt(parts[1], 10) - 1];
    return month ? month + " " + parseInt(parts[2], 10) + ", " + parts[0] : iso;
  }

  function highlight(text, words) {
    var span = document.createElement("span");
    var pattern = new RegExp("(" + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "giu");
    var last = 0;
    text.replace(pattern, function (match, _group, offset) {
      span.appendChild(document.createTextNode(text.slice(last, offset)));
      var mark = document.createElement("mark");
      mark.textContent = match;
      span.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    span.appendChild(document.createTextNode(text.slice(last)));
    return span;
  }

  // Built-in engine: results as {url, title, meta, summary} with highlighted nodes.
  function builtin(query) {
    var outcome = search(query);
    if (outcome === null) return Promise.resolve(null);
    return Promise.resolve({
      count: outcome.results.length,
      items: outcome.results.slice(0, limit).map(function (result) {
        var paper = index.papers[result.paper];
        return { url: paper[1], title: highlight(paper[0], outcome.words), meta: longDate(paper[2]), summary: highlight(paper[3], outcome.words) };
      })
    });
  }

  // Pagefind engine, when the build ran Pagefind: its excerpts come with <mark> already.
  function pagefindEngine(pagefind) {
    return function (query) {
      if (fold(query).length === 0) return Promise.resolve(null);
      return pagefind.debouncedSearch(query, {}, 120).then(function (found) {
        if (found === null) return undefined; // superseded by a newer query
        return Promise.all(found.results.slice(0, limit).map(function (r) { return r.data(); })).then(function (data) {
          return {
            count: found.results.length,
            items: data.map(function (d) {
              var title = document.createElement("span");
              title.textContent = (d.meta && d.meta.title) || d.url;
              var summary = document.createElement("span");
              summary.innerHTML = d.excerpt;
              return { url: d.url, title: title, meta: (d.meta && d.meta.date) || "", summary: summary };
            })
          };
        });
      });
    };
  }

  var engine = null;
  var latest = 0;

  function show(query) {
    var ticket = ++latest;
    engine(query).then(function (outcome) {
      if (outcome === undefined || ticket !== latest) return;
      list.textContent = "";
      // Which query the results answer: a newer one may still be on its way.
      list.setAttribute("data-query", query);
      if (outcome === null) { status.textContent = ""; return; }
      var count = outcome.count;
      status.textContent = count === 0 ? "No paper matches “" + query.trim() + "”."
        : count + (count === 1 ? " paper" : " papers") + (count > limit ? ", showing the first " + limit : "") + ".";
      outcome.items.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.url;
        result.title.className = "result-title";
        var meta = document.createElement("span");
        meta.className = "result-meta";
        meta.textContent = result.meta;
        result.summary.className = "result-summary";
        link.append(result.title);
        if (result.meta) link.append(meta);
        link.append(result.summary);
        item.appendChild(link);
        list.appendChild(item);
      });
    });
  }

  function update() {
    if (!engine) return;
    show(input.value);
    var url = new URL(location.href);
    if (input.value) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
  }

  // Arrow keys move between the box and the results; Escape goes back to the box.
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < all.length - 1) { event.preventDefault(); all[at + 1].focus(); }
    else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
    else if (event.key === "Escape") { input.focus(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) { event.preventDefault(); input.focus(); }
  });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.focus();
  });
  input.addEventListener("input", update);

  input.value = new URL(location.href).searchParams.get("q") || "";
  status.textContent = "Loading the index…";
  function ready(searchWith) {
    engine = searchWith;
    status.textContent = "";
    show(input.value);
    input.focus();
  }
  function loadBuiltin() {
    return fetch(root.getAttribute("data-index"))
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) { index = data; ready(builtin); })
      .catch(function () { status.textContent = "The search index could not be loaded."; });
  }
  // Pagefind's index when the build made one, else the built-in one.
  var pagefindURL = root.getAttribute("data-pagefind");
  if (pagefindURL) {
    import(pagefindURL)
      .then(function (pagefind) {
        return Promise.resolve(pagefind.init ? pagefind.init() : null).then(function () { ready(pagefindEngine(pagefind)); });
      })
      .catch(loadBuiltin);
  } else {
    loadBuiltin();
  }
})();
