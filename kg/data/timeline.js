/* kg map: the dyad panel (map.js opens it for a clicked edge or an actor pair) and its
 * month-by-month chart, drawn as inline SVG above the evidence.
 *
 * Events per month are stacked bars by QuadClass; the monthly sum of Goldstein scores is a
 * line on its own scale (right). Months that hold events are buttons: map.js filters the
 * evidence list to the month clicked. Every figure drawn is also a data- attribute, so
 * that what the chart says can be read back and checked against the events.
 */
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 350;
  const HEIGHT = 168;
  const MARGIN = { top: 10, right: 38, bottom: 30, left: 30 };
  const LINE = "#263238";

  function node(tag, attrs, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      element.setAttribute(key, String(value));
    }
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function monthIndex(month) {
    const [year, number] = month.split("-").map(Number);
    return year * 12 + number - 1;
  }

  function monthName(index) {
    const year = Math.floor(index / 12);
    return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
  }

  // Goldstein scores have one decimal; sums are rounded so that 0.1 + 0.2 reads 0.3.
  function rounded(value) {
    return Math.round(value * 10) / 10;
  }

  function signed(value) {
    const text = rounded(value).toFixed(1);
    return value > 0 ? `+${text}` : text.replace("-", "\u2212");
  }

  /* events: [{date, quad, goldstein}]; quads: [[quad, colour]] in stacking order. */
  function months(events, quads) {
    const byMonth = new Map();
    let undated = 0;
    for (const event of events) {
      if (!event.date) { undated += 1; continue; }
      const month = event.date.slice(0, 7);
      if (!byMonth.has(month)) {
        byMonth.set(month, { month, events: 0, goldstein: 0,
          quads: new Map(quads.map(([quad]) => [quad, 0])) });
      }
      const entry = byMonth.get(month);
      entry.events += 1;
      entry.goldstein += event.goldstein;
      entry.quads.set(event.quad, (entry.quads.get(event.quad) || 0) + 1);
    }
    return { months: byMonth, undated };
  }

  function ticks(maximum) {
    const step = Math.max(1, Math.ceil(maximum / 4));
    const values = [];
    for (let value = 0; value <= maximum; value += step) values.push(value);
    return values;
  }

  /* A chart of events; onMonth(month or null) is called when a month is clicked.
   * ``folded``: how many copies of a sentence the events were counted without. */
  function draw(events, quads, selected, onMonth, folded) {
    const { months: byMonth, undated } = months(events, quads);
    const wrap = document.createElement("div");
    wrap.className = "timeline";
    if (!byMonth.size) {
      const note = document.createElement("p");
      note.className = "hint";
      note.textContent = undated
        ? `${undated} undated event${undated === 1 ? "" : "s"}: nothing to chart by month`
        : "No events to chart";
      wrap.append(note);
      return wrap;
    }
    const indices = [...byMonth.keys()].map(monthIndex);
    const first = Math.min(...indices);
    const last = Math.max(...indices);
    const slots = last - first + 1;
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const slot = plotWidth / slots;
    const barWidth = Math.max(1, Math.min(22, slot * 0.6));
    const most = Math.max(...[...byMonth.values()].map((entry) => entry.events));
    const countTicks = ticks(most);
    const countTop = Math.max(most, countTicks[countTicks.length - 1]);
    const perEvent = plotHeight / countTop;
    const sums = [...byMonth.values()].map((entry) => entry.goldstein);
    let low = Math.min(0, ...sums);
    let high = Math.max(0, ...sums);
    if (high === low) { high += 1; low -= 1; }
    // Room above and below, so that no point sits on the edge of the plot.
    const pad = (high - low) * 0.08;
    [high, low] = [high > 0 ? high + pad : high, low < 0 ? low - pad : low];
    const goldY = (value) => MARGIN.top + ((high - value) / (high - low)) * plotHeight;
    const centre = (index) => MARGIN.left + (index - first + 0.5) * slot;

    const svg = node("svg", {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "group",
      "aria-label": "Events per month by QuadClass, with the monthly Goldstein sum",
      "data-first": monthName(first), "data-last": monthName(last),
      "data-per-event": perEvent, "data-gold-high": high, "data-gold-low": low,
      "data-plot-top": MARGIN.top, "data-plot-height": plotHeight,
    });
    // Axes: counts on the left, Goldstein sums on the right, the zero of the sums dashed.
    for (const value of countTicks) {
      const y = MARGIN.top + plotHeight - value * perEvent;
      svg.append(node("line", { class: "grid", x1: MARGIN.left, x2: WIDTH - MARGIN.right,
        y1: y, y2: y }));
      svg.append(node("text", { class: "axis", x: MARGIN.left - 4, y: y + 3,
        "text-anchor": "end" }, String(value)));
    }
    svg.append(node("line", { class: "zero", x1: MARGIN.left, x2: WIDTH - MARGIN.right,
      y1: goldY(0), y2: goldY(0) }));
    const labelled = [];
    for (const value of [0, Math.max(...sums), Math.min(...sums)]) {
      const y = goldY(value);
      if (labelled.some((other) => Math.abs(other - y) < 10)) continue;
      labelled.push(y);
      svg.append(node("text", { class: "axis gold", x: WIDTH - MARGIN.right + 4,
        y: y + 3 }, value === 0 ? "0" : signed(value)));
    }
    // Month labels: every month when few, else the first month of each quarter or year.
    const every = slots <= 8 ? 1 : slots <= 24 ? 3 : 12;
    for (let index = first; index <= last; index += 1) {
      if ((index % every) !== 0 && index !== first) continue;
      const name = monthName(index);
      const label = every === 12 ? name.slice(0, 4) : name;
      svg.append(node("text", { class: "axis", x: centre(index),
        y: HEIGHT - MARGIN.bottom + 13, "text-anchor": "middle" }, label));
    }

    // A month without events sums to 0, so the line runs through every month; dots mark
    // the months with events.
    const line = [];
    const points = [];
    for (let index = first; index <= last; index += 1) {
      const entry = byMonth.get(monthName(index));
      line.push([centre(index), goldY(entry ? entry.goldstein : 0)]);
      if (!entry) continue;
      const state = selected === entry.month ? " selected" : selected ? " dimmed" : "";
      const group = node("g", {
        class: `month${state}`,
        "data-month": entry.month, "data-events": entry.events,
        "data-goldstein": rounded(entry.goldstein).toFixed(1),
      });
      let base = MARGIN.top + plotHeight;
      for (const [quad, colour] of quads) {
        const count = entry.quads.get(quad) || 0;
        if (!count) continue;
        const height = count * perEvent;
        base -= height;
        group.append(node("rect", { class: "bar", x: centre(index) - barWidth / 2, y: base,
          width: barWidth, height, fill: colour, "data-quadclass": quad, "data-count": count }));
      }
      const summary = `${entry.month}: ${entry.events} event${entry.events === 1 ? "" : "s"}, ` +
        `Goldstein ${signed(entry.goldstein)}`;
      // The whole column is the button, so that a one-event month is easy to hit.
      const hit = node("rect", { class: "hit", x: centre(index) - slot / 2, y: MARGIN.top,
        width: slot, height: plotHeight, role: "button", tabindex: 0,
        "aria-label": summary, "aria-pressed": selected === entry.month });
      hit.append(node("title", {}, summary));
      const choose = () => onMonth(selected === entry.month ? null : entry.month);
      hit.addEventListener("click", choose);
      hit.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); }
      });
      group.append(hit);
      svg.append(group);
      points.push([centre(index), goldY(entry.goldstein), entry]);
    }
    if (line.length > 1) {
      svg.append(node("polyline", { class: "gold-line", fill: "none", stroke: LINE,
        points: line.map(([x, y]) => `${x},${y}`).join(" ") }));
    }
    for (const [x, y, entry] of points) {
      svg.append(node("circle", { class: "point", cx: x, cy: y, r: 2.6, fill: LINE,
        "data-month": entry.month, "data-goldstein": rounded(entry.goldstein).toFixed(1) }));
    }
    wrap.append(svg);

    const total = events.length - undated;
    const sum = [...byMonth.values()].reduce((acc, entry) => acc + entry.goldstein, 0);
    const legend = document.createElement("p");
    legend.className = "timeline-legend";
    for (const [quad, colour] of quads) {
      if (![...byMonth.values()].some((entry) => entry.quads.get(quad))) continue;
      const swatch = document.createElement("span");
      swatch.className = "key";
      swatch.style.background = colour;
      legend.append(swatch, quad, " ");
    }
    const lineKey = document.createElement("span");
    lineKey.className = "key line";
    legend.append(lineKey, "Goldstein sum");
    const caption = document.createElement("p");
    caption.className = "timeline-caption";
    caption.textContent = `${total} events in ${byMonth.size} month${byMonth.size === 1 ? "" : "s"}` +
      `, Goldstein sum ${signed(sum)}` + (undated ? `; ${undated} undated not charted` : "") +
      (folded ? `; ${folded} cop${folded === 1 ? "y" : "ies"} of a sentence counted once` : "") +
      ". Click a month to list its evidence.";
    wrap.append(legend, caption);
    return wrap;
  }


  /* The dyad panel: the events from one actor to another, of the clicked relation or of
   * all relations drawn between them, as a chart by month above the evidence. ``map`` is
   * what map.js shares: its data, filter state and panel helpers. */
  function dyadPanel(map) {
    const { data, state, el, facts, openPanel, evidence, eventShown, nodeById,
      edgeById } = map;
    const dyad = { from: null, to: null, clicked: null, all: false, month: null };

    function dyadEdges(from, to) {
      return data.edges.filter((edge) => edge.from === from && edge.to === to && !edge.neg &&
        edge.views.includes(state.view) && state.quads.has(edge.quad) &&
        state.relations.has(edge.rel));
    }

    function dyadItems(edges) {
      const items = [];
      for (const edge of edges) {
        for (const index of edge.ev) items.push({ index, edge });
      }
      return items;
    }

    function newestFirst(a, b) {
      const [left, right] = [data.events[a.index][1] || "", data.events[b.index][1] || ""];
      return left < right ? 1 : left > right ? -1 : 0;
    }

    function showDyad(from, to, clicked, month) {
      Object.assign(dyad, { from, to, clicked: clicked || null, all: !clicked,
        month: month || null });
      renderDyad();
    }

    // Copies of one sentence under one relation are one piece of evidence.
    function copyKey(item) {
      return `${item.edge.id} ${data.events[item.index][6]}`;
    }

    // One item per sentence, charted in the month of its first dated copy.
    function distinct(items) {
      const first = new Map();
      for (const item of items) {
        const key = copyKey(item);
        const date = data.events[item.index][1];
        const known = first.get(key);
        const knownDate = known && data.events[known.index][1];
        if (!known || (date && (!knownDate || date < knownDate))) first.set(key, item);
      }
      return [...first.values()];
    }

    function dyadFacts(edge, shown) {
      if (edge) {
        return facts([
          ["Relation", edge.neg ? `${edge.rel} (negated)` : edge.rel],
          ["CAMEO", `${edge.cameo}, ${edge.quad}`],
          ["Events", edge.count],
          ["Sentences", edge.sents],
          ["Sources", edge.srcs],
          ["Documents", edge.docs],
        ]);
      }
      const documents = new Set(shown.map((item) => data.events[item.index][0]));
      return facts([
        ["Relations", new Set(shown.map((item) => item.edge.rel)).size],
        ["Events", shown.length],
        ["Sentences", distinct(shown).length],
        ["Sources", new Set([...documents].map((doc) => data.documents[doc][4])).size],
        ["Documents", documents.size],
      ]);
    }

    function renderDyad() {
      const edge = dyad.clicked && !dyad.all ? edgeById.get(dyad.clicked) : null;
      const everything = dyadItems(dyadEdges(dyad.from, dyad.to)).filter((item) =>
        eventShown(item.index));
      const items = edge ? dyadItems([edge]) : dyadItems(dyadEdges(dyad.from, dyad.to));
      const shown = items.filter((item) => eventShown(item.index)).sort(newestFirst);
      const listed = dyad.month ? shown.filter((item) =>
        (data.events[item.index][1] || "").startsWith(dyad.month)) : shown;
      const reverse = dyadItems(dyadEdges(dyad.to, dyad.from)).filter((item) =>
        eventShown(item.index)).length;
      const clickedEdge = dyad.clicked ? edgeById.get(dyad.clicked) : null;
      const charted = distinct(shown);
      const evidenceList = evidence.list(listed.map((item) => ({ index: item.index,
        key: copyKey(item), label: edge ? null : item.edge.rel })));
      const count = evidenceList.sentences === listed.length ? `${listed.length}`
        : `${evidenceList.sentences} sentences, ${listed.length} events`;
      openPanel(
        el("h2", {}, nodeById.get(dyad.from).name, " \u2192 ", nodeById.get(dyad.to).name),
        scopeButtons(clickedEdge, everything.length, reverse),
        dyadFacts(edge, shown),
        el("h3", {}, "By month"),
        edge && edge.neg ? el("p", { class: "hint" }, "Negated events are not charted.")
          : draw(charted.map((item) => ({ date: data.events[item.index][1],
            quad: item.edge.quad, goldstein: data.events[item.index][4] })), data.quads,
          dyad.month, (month) => { dyad.month = month; renderDyad(); },
          shown.length - charted.length),
        el("h3", {}, dyad.month ? `Evidence from ${dyad.month} (${count})`
          : `Evidence, newest first (${count})`, dyad.month ? allMonthsButton() : null),
        evidenceList.list,
        items.length > shown.length ? el("p", { class: "hint" },
          `${items.length - shown.length} more outside the dates, confidence or document ` +
          "filters") : null,
      );
    }

    function allMonthsButton() {
      const button = el("button", { type: "button", class: "linkish all-months" }, "all months");
      button.addEventListener("click", () => { dyad.month = null; renderDyad(); });
      return button;
    }

    // The clicked relation or every relation between the two, and the other direction.
    function scopeButtons(clickedEdge, all, reverse) {
      const row = el("div", { class: "scope" });
      const choice = (label, pressed, onClick) => {
        const button = el("button", { type: "button", "aria-pressed": String(pressed) }, label);
        button.addEventListener("click", onClick);
        row.append(button);
      };
      if (clickedEdge) {
        choice(clickedEdge.neg ? `not ${clickedEdge.rel}` : clickedEdge.rel, !dyad.all,
          () => { Object.assign(dyad, { all: false, month: null }); renderDyad(); });
        choice(`All relations (${all})`, dyad.all,
          () => { Object.assign(dyad, { all: true, month: null }); renderDyad(); });
      }
      if (reverse) {
        choice(`${nodeById.get(dyad.to).name} \u2192 ${nodeById.get(dyad.from).name} (${reverse})`,
          false, () => showDyad(dyad.to, dyad.from, null));
      }
      return row.childNodes.length ? row : null;
    }

    function showEdge(id) {
      const edge = edgeById.get(id);
      showDyad(edge.from, edge.to, id);
    }

    // A node pair from the actor panel: the direction with events, preferring node -> partner.
    function showPair(id, partner) {
      const out = dyadItems(dyadEdges(id, partner)).some((item) => eventShown(item.index));
      if (out) showDyad(id, partner, null);
      else showDyad(partner, id, null);
    }

    return { dyad, render: renderDyad, showEdge, showPair };
  }

  window.kgTimeline = { draw, months, dyadPanel };
})();
