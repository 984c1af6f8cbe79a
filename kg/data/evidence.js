/* kg map: the evidence list of the side panel (timeline.js lists a dyad's evidence with it).
 *
 * Each event is its sentence with the two actors marked, under a line naming its date,
 * document, outlet, mood and confidence. Copies of one sentence (page furniture, wire
 * copies: the same words in several documents) are one piece of evidence: the sentence
 * is listed once, and "N copies" opens the list of every other place that repeats it, so
 * no occurrence is hidden. Text reaches the DOM only through map.js' el(), as text.
 */
(function () {
  "use strict";

  const SAFE_URL = /^https?:\/\//i;
  const CONFIDENCE = "Confidence: the probability that kg read this event right, " +
    "calibrated on the development sets";

  // Confidence as the panel prints it and the filter compares it, in hundredths, so that
  // a row printed 0.60 is never hidden by a filter set to 0.60.
  function hundredths(value) {
    return Math.round(Number(value) * 100);
  }

  function confidenceText(value) {
    return (hundredths(value) / 100).toFixed(2);
  }

  /* ``map`` is what map.js shares: its data and el(). */
  function evidence(map) {
    const { data, el } = map;

    function documentName(docIndex) {
      const [docId, title, url] = data.documents[docIndex];
      const name = title || docId;
      // Python links only http(s) URLs; checking again here keeps javascript: out for good.
      return typeof url === "string" && SAFE_URL.test(url)
        ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, name)
        : el("span", { class: "doc" }, name);
    }

    // The line above a sentence: date, document, outlet, relation, mood, confidence.
    function meta(index, label) {
      const [docIndex, date, , modality, , confidence] = data.events[index];
      const [docId, title, , outlet] = data.documents[docIndex];
      return el("div", { class: "meta" }, date || "undated", " \u00b7 ",
        documentName(docIndex), title ? ` (${docId})` : null,
        outlet ? ` \u00b7 ${outlet}` : null,
        label ? el("span", { class: "tag rel" }, label) : null,
        modality && modality !== "asserted" ? el("span", { class: "tag" }, modality) : null,
        el("span", { class: "conf", title: CONFIDENCE }, confidenceText(confidence)));
    }

    function item(index, label) {
      const pieces = data.events[index][2];
      const sentence = el("p", { class: "sentence" }, ...pieces.map(([text, role]) =>
        role ? el("mark", { class: role === 1 ? "src" : "tgt" }, text) : text));
      return el("li", { "data-event": index }, meta(index, label), sentence);
    }

    /* items: [{index, key, label}] in the order to list them; items of one key are
     * copies, listed under the first. Returns the list and its number of sentences. */
    function list(items) {
      const groups = new Map();
      for (const entry of items) {
        if (!groups.has(entry.key)) groups.set(entry.key, []);
        groups.get(entry.key).push(entry);
      }
      const rows = [...groups.values()].map(([first, ...others]) => {
        const row = item(first.index, first.label);
        if (!others.length) return row;
        row.dataset.copies = String(others.length + 1);
        row.append(el("details", { class: "copies" },
          el("summary", {}, `${others.length + 1} copies`),
          el("ol", {}, ...others.map((other) =>
            el("li", { "data-event": other.index }, meta(other.index, other.label))))));
        return row;
      });
      return { list: el("ol", { class: "evidence" }, ...rows), sentences: groups.size };
    }

    return { item, list };
  }

  window.kgEvidence = { evidence, confidenceText, hundredths };
})();
