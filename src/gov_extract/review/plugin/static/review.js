// gov_extract review, article view: type toggles, a tooltip on hover and focus, Enter opens a record's row.
// Record values come from a JSON block and are written with textContent only: nothing from the article becomes markup.
(function () {
  "use strict";
  const text = document.getElementById("ge-text");
  const tip = document.getElementById("ge-tip");
  const data = document.getElementById("ge-records");
  if (!text || !tip || !data) return;
  const records = JSON.parse(data.textContent);

  for (const box of document.querySelectorAll("#ge-legend input[name=type]")) {
    const apply = () => {
      text.classList.toggle("hide-" + box.value, !box.checked);
      for (const mark of text.querySelectorAll("mark.t-" + box.value + "[id]")) {
        mark.tabIndex = box.checked ? 0 : -1;
      }
    };
    box.addEventListener("change", apply);
    apply();
  }

  const hidden = (mark) => {
    const type = mark.className.match(/\bt-(\w+)/)[1];
    return text.classList.contains("hide-" + type);
  };

  let active = [];
  function show(marks, anchorMark) {
    for (const m of active) m.classList.remove("ge-active");
    active = [];
    tip.replaceChildren();
    for (const mark of marks) {
      const record = records[mark.dataset.rec];
      if (!record || hidden(mark)) continue;
      const title = document.createElement("h3");
      title.textContent = record.type + " “" + record.text + "”";
      const headline = document.createElement("p");
      headline.textContent = record.headline;
      tip.append(title, headline);
      for (const [name, value] of record.details) {
        const line = document.createElement("span");
        line.className = "ge-field";
        const label = document.createElement("b");
        label.textContent = name + " ";
        line.append(label, document.createTextNode(value));
        tip.append(line);
      }
      for (const part of text.querySelectorAll('mark[data-rec="' + CSS.escape(mark.dataset.rec) + '"]')) {
        part.classList.add("ge-active");
        active.push(part);
      }
    }
    if (!tip.childElementCount) {
      tip.hidden = true;
      return;
    }
    tip.style.setProperty("--ge-line", getComputedStyle(marks[0]).getPropertyValue("--ge-line"));
    anchorMark.setAttribute("aria-describedby", "ge-tip"); // screen readers read the fields with the highlight
    const box = anchorMark.getBoundingClientRect();
    tip.hidden = false;
    tip.style.left = Math.max(4, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4)) + "px";
    tip.style.top = window.scrollY + box.bottom + 6 + "px";
  }
  function hide() {
    tip.hidden = true;
    for (const m of active) m.classList.remove("ge-active");
    active = [];
  }
  // The innermost highlight and the ones it sits inside: overlapping records are all listed.
  const stack = (mark) => {
    const marks = [];
    for (let m = mark; m && m !== text; m = m.parentElement) if (m.matches("mark.rec")) marks.push(m);
    return marks;
  };

  text.addEventListener("mouseover", (event) => {
    const mark = event.target.closest("mark.rec");
    if (mark) show(stack(mark), mark);
  });
  text.addEventListener("mouseleave", () => {
    if (!text.contains(document.activeElement)) hide();
  });
  text.addEventListener("focusin", (event) => {
    const mark = event.target.closest("mark.rec");
    if (mark) show([mark], mark);
  });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  const open = (mark) => {
    const record = records[mark.dataset.rec];
    if (record && !hidden(mark)) window.location.href = record.row_url;
  };
  text.addEventListener("keydown", (event) => {
    const mark = event.target.closest("mark.rec");
    if (mark && event.key === "Enter") open(mark);
  });
  text.addEventListener("click", (event) => {
    const mark = event.target.closest("mark.rec");
    if (mark && !window.getSelection().toString()) open(mark);
  });

  // Arriving from a record's row (article#place-37-40): focus its highlight, which shows its fields.
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && text.contains(target)) target.focus();
})();
