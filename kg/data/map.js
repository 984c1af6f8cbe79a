/* kg map: filters, search and the evidence panel around the vis-network graph that
 * kg/export/html.py builds with pyvis.
 *
 * The data arrives as JSON, never as markup, and reaches the DOM only as text (el() below
 * appends strings as text nodes), so names and sentences from articles cannot become HTML
 * or script. Tests read window.kgMap; keep its shape stable.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = (id) => document.getElementById(id);
  const GLYPHS = {
    dot: "\u25cf", diamond: "\u25c6", triangle: "\u25b2", square: "\u25a0",
    star: "\u2605", hexagon: "\u2b22", triangleDown: "\u25bc",
  };

  // Strings become text nodes; attributes are set only from kg's own constants or ids.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  const state = {
    view: "p",
    quads: new Set(data.quads.map(([quad]) => quad)),
    relations: new Set(data.relations.map(([label]) => label)),
    negated: false,
    from: "",
    to: "",
    // Events kg is less sure of than this (in hundredths, as the panel prints them) are
    // hidden; 0 shows all.
    minConfidence: 0,
    // Per kept document field: the values ticked (a Set, null for "none"), or the text
    // a value must contain for fields with too many values to tick.
    meta: data.meta.map(([, values]) => (values ? new Set(values.map(([value]) => value)) : "")),
  };
  const nodeById = new Map(data.nodes.map((node) => [node.id, node]));
  const edgeById = new Map(data.edges.map((edge) => [edge.id, edge]));

  function dateShown(date) {
    if (!state.from && !state.to) return true;
    // Undated evidence cannot be placed in a range, so a date filter leaves it out.
    return Boolean(date) && (!state.from || date >= state.from) &&
      (!state.to || date <= state.to);
  }

  function metaShown(docIndex) {
    if (!data.meta.length) return true;
    const values = data.documents[docIndex][5];
    return state.meta.every((wanted, field) => {
      const value = values[field];
      if (wanted instanceof Set) return wanted.has(value);
      return !wanted || (value !== null && value.toLowerCase().includes(wanted));
    });
  }

  function eventShown(index) {
    const [docIndex, date, , , , confidence] = data.events[index];
    return dateShown(date) && metaShown(docIndex) &&
      kgEvidence.hundredths(confidence) >= state.minConfidence;
  }

  function edgeShown(edge) {
    return edge.views.includes(state.view) && state.quads.has(edge.quad) &&
      state.relations.has(edge.rel) && (state.negated || !edge.neg) &&
      edge.ev.some(eventShown);
  }

  // Visibility is computed on the plain records and vis gets only what changed: every
  // DataSet update costs work per item, and most filter clicks touch few of 10,000 edges.
  // An actor is drawn when it belongs to the view and one of its relations is drawn.
  // Only the view's asserted relations and actors take part in the layout: the other
  // view's hidden edges would otherwise pull its institutions into one knot.
  function visibility() {
    const degree = new Map();
    const edgeChanges = [];
    let edgesShown = 0;
    for (const edge of data.edges) {
      const shown = edgeShown(edge);
      const physics = edge.views.includes(state.view) && !edge.neg;
      if (shown) {
        edgesShown += 1;
        degree.set(edge.from, (degree.get(edge.from) || 0) + 1);
        degree.set(edge.to, (degree.get(edge.to) || 0) + 1);
      }
      if (edge.hidden !== !shown || edge.physics !== physics) {
        edge.hidden = !shown;
        edge.physics = physics;
        edgeChanges.push({ id: edge.id, hidden: !shown, physics });
      }
    }
    const nodeChanges = [];
    let nodesShown = 0;
    for (const node of data.nodes) {
      const stats = node[state.view];
      const shown = Boolean(stats) && degree.has(node.id);
      if (shown) nodesShown += 1;
      // Each view has its own centralities, so a node's size changes with the view.
      const size = stats ? stats.size : node.size;
      if (node.hidden !== !shown || node.physics !== Boolean(stats) || node.size !== size) {
        node.hidden = !shown;
        node.physics = Boolean(stats);
        node.size = size;
        if (stats) node.font = { size: stats.font };
        nodeChanges.push({ id: node.id, hidden: !shown, physics: node.physics, size,
          font: node.font });
      }
    }
    return { nodeChanges, edgeChanges, nodesShown, edgesShown };
  }

  const first = visibility();
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const network = new vis.Network(byId("map"), { nodes, edges }, data.options);
  const kgMap = {
    nodes, edges, network, state, ready: false, readyAt: null, counts: null, refresh,
  };
  window.kgMap = kgMap;

  function showCounts(result) {
    kgMap.counts = { nodes: result.nodesShown, edges: result.edgesShown };
    document.body.dataset.nodes = String(result.nodesShown);
    document.body.dataset.edges = String(result.edgesShown);
    byId("counts").textContent =
      `${result.nodesShown} actors, ${result.edgesShown} relations shown`;
  }

  function refresh() {
    const result = visibility();
    // Once physics is off, vis redraws synchronously after every DataSet update; hold
    // that back so one click costs one redraw of up to 10,000 edges, not two. During
    // the initial layout vis blocks redraws itself and must stay in charge.
    const hold = kgMap.ready;
    if (hold) network.body.emitter.emit("_blockRedraw");
    try {
      nodes.update(result.nodeChanges);
      edges.update(result.edgeChanges);
    } finally {
      if (hold) {
        network.body.emitter.emit("_allowRedraw");
        network.redraw();
      }
    }
    showCounts(result);
    // An open dyad shows what the filters now let through.
    if (dyads.dyad.from !== null) dyads.render();
  }

  // A new view is laid out from where its actors already stand, so the map moves
  // rather than being redrawn from scratch.
  function layout() {
    kgMap.ready = false;
    document.body.dataset.ready = "false";
    byId("loading").hidden = false;
    network.setOptions({ physics: { enabled: true } });
    network.once("stabilizationIterationsDone", finishLayout);
    network.stabilize();
  }

  function finishLayout() {
    // Left running, physics keeps nudging every node and eats the CPU of large maps.
    network.setOptions({ physics: { enabled: false } });
    byId("loading").hidden = true;
    kgMap.ready = true;
    kgMap.readyAt = performance.now();
    document.body.dataset.ready = "true";
  }

  byId("title").textContent = data.title;
  showCounts(first);
  network.on("stabilizationProgress", (progress) => {
    byId("progress").textContent = `${Math.round((100 * progress.iterations) / progress.total)}%`;
  });
  if (data.nodes.length) network.once("stabilizationIterationsDone", finishLayout);
  else finishLayout();

  /* The side panel. */

  function openPanel(...children) {
    byId("panel-body").replaceChildren(...children.filter(Boolean));
    byId("panel").hidden = false;
  }

  function closePanel() {
    dyads.dyad.from = null;
    byId("panel").hidden = true;
    byId("panel-body").replaceChildren();
  }

  function facts(rows) {
    const list = el("dl");
    for (const [term, value] of rows) {
      if (value === "" || value === null || value === undefined) continue;
      list.append(el("dt", {}, term), el("dd", {}, value));
    }
    return list;
  }

  function actorLink(id) {
    const node = nodeById.get(id);
    if (!node) return el("span", {}, id);
    const button = el("button", { type: "button", class: "linkish" }, node.name);
    button.addEventListener("click", () => focusActor(id));
    return button;
  }

  // The dyad panel and its chart by month: timeline.js.
  const evidence = kgEvidence.evidence({ data, el });
  const dyads = kgTimeline.dyadPanel({ data, state, el, facts, openPanel, evidence,
    eventShown, nodeById, edgeById });
  kgMap.dyad = dyads.dyad;

  function showNode(id) {
    dyads.dyad.from = null;
    const node = nodeById.get(id);
    const stats = node[state.view] || node.p || node.i;
    const more = node.members.length > 30 ? ` and ${node.members.length - 30} more` : "";
    const affiliation = node.memberOf ? actorLink(node.memberOf) : null;
    if (affiliation && !nodeById.has(node.memberOf)) affiliation.textContent = node.memberOfName;
    openPanel(
      el("h2", {}, node.name),
      facts([
        ["Type", node.kind],
        ["Country", node.country],
        ["Sector", node.sector],
        ["Member of", affiliation],
        ["Degree", `${stats.in + stats.out} (${stats.out} out, ${stats.in} in)`],
      ]),
      node.members.length ? el("h3", {}, `Members (${node.members.length})`) : null,
      node.members.length ? el("p", {}, node.members.slice(0, 30).join(", ") + more) : null,
      el("h3", {}, "Strongest partners"),
      el("ol", { class: "partners" }, ...stats.top.map(([partner, count]) =>
        el("li", {}, actorLink(partner), ` \u00b7 ${count} sentence${count === 1 ? "" : "s"} `,
          pairButton(id, partner)))),
    );
  }

  function pairButton(id, partner) {
    const button = el("button", { type: "button", class: "linkish pair",
      title: "The two actors' relations over time" }, "timeline");
    button.addEventListener("click", () => dyads.showPair(id, partner));
    return button;
  }

  function focusActor(id) {
    const node = nodeById.get(id);
    const status = byId("search-status");
    if (!node || node.hidden) {
      status.textContent = node ? `${node.name} is not drawn in this view with these filters`
        : "No such actor";
      return;
    }
    status.textContent = "";
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: { duration: 300 } });
    showNode(id);
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) dyads.showEdge(params.edges[0]);
    else closePanel();
  });
  byId("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closePanel();
  });

  /* Controls. */

  function checkbox(attrs, onChange) {
    const box = el("input", { type: "checkbox", ...attrs });
    box.checked = true;
    box.addEventListener("change", () => { onChange(box.checked); refresh(); });
    return box;
  }

  function swatch(colour) {
    const mark = el("span", { class: "swatch" });
    mark.style.background = colour;
    return mark;
  }

  const COUNTED = "asserted events, the copies of a sentence counted once";
  const quadColour = new Map(data.quads);
  const eventsByQuad = new Map();
  for (const [, quad, count] of data.relations) {
    eventsByQuad.set(quad, (eventsByQuad.get(quad) || 0) + count);
  }
  for (const [quad, colour] of data.quads) {
    const box = checkbox({ "data-quad": quad },
      (on) => (on ? state.quads.add(quad) : state.quads.delete(quad)));
    byId("quad-filter").append(el("label", { class: "quad" }, box, swatch(colour), quad, " ",
      el("span", { class: "count", title: COUNTED }, eventsByQuad.get(quad) || 0)));
  }
  for (const [kind, shape, colour] of data.types) {
    const glyph = el("span", { class: "glyph", "aria-hidden": "true" }, GLYPHS[shape] || "?");
    glyph.style.color = colour;
    byId("type-legend").append(el("li", {}, glyph, kind));
  }

  const relationBoxes = data.relations.map(([label, quad, count]) => {
    const box = checkbox({ "data-relation": label },
      (on) => (on ? state.relations.add(label) : state.relations.delete(label)));
    byId("relation-filter").append(el("label", {}, box, swatch(quadColour.get(quad)), label,
      " ", el("span", { class: "count", title: COUNTED }, count)));
    return [label, box];
  });
  function setAllRelations(on) {
    for (const [label, box] of relationBoxes) {
      box.checked = on;
      if (on) state.relations.add(label); else state.relations.delete(label);
    }
    refresh();
  }
  byId("rel-all").addEventListener("click", () => setAllRelations(true));
  byId("rel-none").addEventListener("click", () => setAllRelations(false));

  // Fields kept with the documents (kg build --meta-field): boxes per value, or a text
  // filter for fields with many values.
  data.meta.forEach(([name, values], field) => {
    const box = el("div", { class: "meta-field" }, el("h3", {}, name));
    if (values) {
      for (const [value, count] of values) {
        box.append(el("label", {}, checkbox({ "data-meta": name },
          (on) => (on ? state.meta[field].add(value) : state.meta[field].delete(value))),
        value === null ? el("span", { class: "none" }, "none") : value, " ",
        el("span", { class: "count", title: "documents" }, count)));
      }
    } else {
      const input = el("input", { type: "search", "data-meta": name,
        placeholder: "Value contains, then Enter", autocomplete: "off" });
      const apply = () => { state.meta[field] = input.value.trim().toLowerCase(); refresh(); };
      input.addEventListener("change", apply);
      box.append(input);
    }
    byId("meta-filter").append(box);
  });
  byId("meta-section").hidden = !data.meta.length;

  // The slider moves in hundredths; the map follows when it is let go.
  const confidence = byId("min-confidence");
  const confidenceValue = byId("min-confidence-value");
  const showConfidence = () => {
    const value = Number(confidence.value);
    confidenceValue.textContent = value ? `at least ${kgEvidence.confidenceText(value / 100)}`
      : "all events";
  };
  confidence.addEventListener("input", showConfidence);
  confidence.addEventListener("change", () => {
    showConfidence();
    state.minConfidence = Number(confidence.value);
    refresh();
  });
  showConfidence();

  const negated = byId("show-negated");
  negated.addEventListener("change", () => { state.negated = negated.checked; refresh(); });

  for (const radio of document.querySelectorAll("input[name=view]")) {
    radio.addEventListener("change", () => {
      state.view = radio.value;
      // The other view has other edges and statistics; what the panel said no longer holds.
      closePanel();
      refresh();
      if (kgMap.counts.nodes) layout();
    });
  }

  const from = byId("date-from");
  const to = byId("date-to");
  if (data.dates) {
    for (const input of [from, to]) {
      input.min = data.dates[0];
      input.max = data.dates[1];
    }
  } else {
    from.disabled = to.disabled = byId("date-clear").disabled = true;
  }
  function setDates() {
    state.from = from.value;
    state.to = to.value;
    refresh();
  }
  from.addEventListener("change", setDates);
  to.addEventListener("change", setDates);
  byId("date-clear").addEventListener("click", () => {
    from.value = to.value = "";
    setDates();
  });

  const search = byId("search");
  for (const name of [...new Set(data.nodes.map((node) => node.name))].sort()) {
    const option = document.createElement("option");
    option.value = name;
    byId("actor-names").append(option);
  }
  function runSearch() {
    const query = search.value.trim().toLowerCase();
    if (!query) return;
    const ranked = [...data.nodes].sort((a, b) => Number(a.hidden) - Number(b.hidden));
    const match = ranked.find((node) => node.name.toLowerCase() === query) ||
      ranked.find((node) => node.id.toLowerCase() === query) ||
      ranked.find((node) => node.name.toLowerCase().includes(query));
    if (match) focusActor(match.id);
    else byId("search-status").textContent = "No actor matches";
  }
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") runSearch(); });
  // Picking a name from the suggestions is an input event, not a key press.
  search.addEventListener("input", (event) => {
    if (event.inputType === "insertReplacementText" || !(event instanceof InputEvent)) runSearch();
  });
})();
