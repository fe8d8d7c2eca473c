/* laoru report: filters, zoom and entry details. Offline, no library.
   Every text goes into the page through textContent or createTextNode, never as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var entries = data.entries;
  var svg = document.getElementById("timeline");
  var marks = [];
  Array.prototype.forEach.call(document.querySelectorAll("#timeline .mark"), function (m) {
    marks[+m.getAttribute("data-i")] = m;
  });
  var form = document.getElementById("filters");
  var list = document.getElementById("entries");
  var moreButton = document.getElementById("more");
  var countLabel = document.getElementById("count");
  var byId = {};
  entries.forEach(function (e, i) { byId[e.id] = i; });
  var visible = [];
  var shown = 0;
  var PAGE = 100;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function filters() {
    var types = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=type]"), function (box) {
      types[box.value] = box.checked;
    });
    return {types: types, person: form.person.value, outlet: form.outlet.value,
            year: form.year.value, status: form.status.value};
  }

  function matches(e, f) {
    if (f.types[e.t] === false) return false;
    if (f.person !== "" && e.who.indexOf(+f.person) < 0) return false;
    if (f.outlet !== "" && e.o.indexOf(+f.outlet) < 0) return false;
    if (f.year !== "" && e.y.indexOf(+f.year) < 0) return false;
    if (f.status !== "" && e.s !== f.status) return false;
    return true;
  }

  function person(p) {
    var text = p[0];
    var extra = [p[1], p[2]].filter(Boolean).join(", ");
    return extra ? text + " (" + extra + ")" : text;
  }

  function row(dl, label, value) {
    if (value === "" || value === null || value === undefined) return;
    dl.appendChild(el("dt", label));
    var dd = el("dd", value);
    dd.setAttribute("dir", "auto");
    dl.appendChild(dd);
  }

  function safeLink(url) {
    return /^https?:\/\//i.test(url) ? url : "";
  }

  function sourceItem(s) {
    var doc = data.docs[s[0]] || ["", "", "", "", ""];
    var li = el("li");
    var quote = el("blockquote", "\u201c" + s[1] + "\u201d");
    quote.setAttribute("dir", "auto");
    li.appendChild(quote);
    var line = el("div", null, "source");
    line.appendChild(el("b", doc[1] || "unknown outlet"));
    line.appendChild(document.createTextNode(" \u00b7 "));
    var title = el("span", doc[0] || "(no title)");
    title.setAttribute("dir", "auto");
    var href = safeLink(doc[3]) || safeLink(doc[2]);
    if (href) {
      var a = el("a");
      a.href = href;
      a.rel = "noreferrer noopener";
      a.target = "_blank";
      a.appendChild(title);
      line.appendChild(a);
    } else {
      line.appendChild(title);
    }
    if (doc[4]) line.appendChild(document.createTextNode(" \u00b7 " + doc[4]));
    if (doc[2]) line.appendChild(el("code", doc[2], "path"));
    li.appendChild(line);
    return li;
  }

  function headline(e) {
    var who = [e.a.map(function (p) { return p[0]; }).join(", "),
               e.k.map(function (p) { return p[0]; }).join(", ")].filter(Boolean).join(" \u2014 ");
    return e.t.charAt(0).toUpperCase() + e.t.slice(1) + (who ? ": " + who : "");
  }

  function card(i) {
    var e = entries[i];
    var box = el("article", null, "entry");
    box.setAttribute("data-i", i);
    var h = el("h3", (e.d || "undated") + "  ");
    var title = el("span", headline(e));
    title.setAttribute("dir", "auto");
    h.appendChild(title);
    h.appendChild(el("span", e.t, "badge"));
    h.appendChild(el("span", e.s, "badge status-" + e.s));
    if (e.c) h.appendChild(el("span", "dates disagree", "badge conflict"));
    box.appendChild(h);
    var dl = el("dl");
    row(dl, "date", (e.d || "undated") + " (" + e.p + ")");
    if (e.c) row(dl, "each source", e.ds.join("  |  "));
    row(dl, "actors", e.a.map(person).join("; "));
    row(dl, "counterparts", e.k.map(person).join("; "));
    row(dl, "place", e.pl);
    row(dl, "PLOVER", e.pv);
    row(dl, "agreements", e.ag.join("; "));
    row(dl, "linked", e.lk.map(function (l) {
      var j = byId[l[1]];
      return l[0] + ": " + (j === undefined ? l[1] : headline(entries[j]) + " " + (entries[j].d || ""));
    }).join("; "));
    row(dl, "warnings", e.w.join("; "));
    box.appendChild(dl);
    var sources = el("ul", null, "sources");
    e.src.forEach(function (s) { sources.appendChild(sourceItem(s)); });
    box.appendChild(sources);
    return box;
  }

  function more() {
    var stop = Math.min(visible.length, shown + PAGE);
    var chunk = document.createDocumentFragment();
    for (; shown < stop; shown++) chunk.appendChild(card(visible[shown]));
    list.appendChild(chunk);
    moreButton.hidden = shown >= visible.length;
    moreButton.textContent = "show " + Math.min(PAGE, visible.length - shown) + " more of " +
      (visible.length - shown);
  }

  function place(m, low, high) {
    var left = +svg.getAttribute("data-left");
    var plot = +svg.getAttribute("data-plot");
    var a = +m.getAttribute("data-a");
    var b = +m.getAttribute("data-b");
    var clamp = function (x) { return Math.min(Math.max(x, left - 4), left + plot + 4); };
    var x0 = clamp(left + (a - low) / (high - low) * plot);
    if (m.tagName.toLowerCase() === "circle") {
      m.setAttribute("cx", x0.toFixed(1));
    } else {
      var x1 = clamp(left + (b + 1 - low) / (high - low) * plot);
      m.setAttribute("x", x0.toFixed(1));
      m.setAttribute("width", Math.max(x1 - x0, 4).toFixed(1));
    }
  }

  var SVG_NS = "http://www.w3.org/2000/svg";
  var EPOCH = 719163;  // the proleptic ordinal of 1970-01-01, as Python's date.toordinal() counts

  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function monthTicks(year, low, high) {
    var group = svg.querySelector(".axis-months");
    group.textContent = "";
    var left = +svg.getAttribute("data-left");
    var plot = +svg.getAttribute("data-plot");
    var top = +svg.getAttribute("data-top");
    var bottom = +svg.getAttribute("data-bottom");
    for (var month = 0; month < 12; month++) {
      var day = Date.UTC(year, month, 1) / 86400000 + EPOCH;
      var x = (left + (day - low) / (high - low) * plot).toFixed(1);
      group.appendChild(svgEl("line", {"class": "tick", x1: x, x2: x, y1: top, y2: bottom}));
      group.appendChild(svgEl("text", {"class": "tick-label", x: +x + 3, y: top - 6},
                              MONTHS[month] + (month === 0 ? " " + year : "")));
    }
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function zoom(year) {
    var low = +svg.getAttribute("data-low");
    var high = +svg.getAttribute("data-high");
    if (year !== "") {
      low = Date.UTC(+year, 0, 1) / 86400000 + EPOCH;
      high = Date.UTC(+year + 1, 0, 1) / 86400000 + EPOCH;
      monthTicks(+year, low, high);
    }
    Array.prototype.forEach.call(svg.querySelectorAll(".mark[data-a]"), function (m) { place(m, low, high); });
    svg.querySelector(".axis").classList.toggle("off", year !== "");
    svg.querySelector(".axis-months").classList.toggle("off", year === "");
  }

  function apply() {
    var f = filters();
    visible = [];
    var people = {};
    entries.forEach(function (e, i) {
      var ok = matches(e, f);
      if (marks[i]) marks[i].classList.toggle("hidden", !ok);
      if (ok) {
        visible.push(i);
        e.who.forEach(function (p) { people[p] = true; });
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("#network .node"), function (n) {
      n.classList.toggle("dim", !people[n.getAttribute("data-person")]);
    });
    countLabel.textContent = visible.length + " of " + entries.length + " entries";
    zoom(f.year);
    list.textContent = "";
    shown = 0;
    more();
  }

  function select(i) {
    Array.prototype.forEach.call(document.querySelectorAll(".selected"), function (n) {
      n.classList.remove("selected");
    });
    if (marks[i]) marks[i].classList.add("selected");
    var panel = document.getElementById("selected");
    panel.textContent = "";
    var shownCard = card(i);
    shownCard.classList.add("selected");
    panel.appendChild(shownCard);
  }

  svg.addEventListener("click", function (event) {
    var m = event.target.closest(".mark");
    if (m) select(+m.getAttribute("data-i"));
  });
  var tip = document.getElementById("tip");
  svg.addEventListener("mouseover", function (event) {
    var m = event.target.closest(".mark");
    if (!m) return;
    var e = entries[+m.getAttribute("data-i")];
    tip.textContent = headline(e) + (e.s === "occurred" ? "" : " (" + e.s + ")") + " \u00b7 " + (e.d || "undated");
    tip.style.left = (event.pageX + 12) + "px";
    tip.style.top = (event.pageY + 12) + "px";
    tip.hidden = false;
  });
  svg.addEventListener("mouseout", function () { tip.hidden = true; });
  svg.addEventListener("keydown", function (event) {
    var m = event.target.closest(".mark");
    if (m && (event.key === "Enter" || event.key === " ")) select(+m.getAttribute("data-i"));
  });
  var network = document.getElementById("network");
  if (network) {
    network.addEventListener("click", function (event) {
      var node = event.target.closest(".node");
      if (!node) return;
      form.person.value = node.getAttribute("data-person");
      apply();
      node.classList.add("selected");
    });
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  moreButton.addEventListener("click", more);
  apply();
  if (window.performance && performance.mark) performance.mark("laoru-ready");  // read by benchmarks/report.py
  document.body.setAttribute("data-ready", "1");
})();
