// Progressive enhancement: draw a time axis above the server-rendered list of events.
(function () {
  var list = document.getElementById("timeline-list");
  var axis = document.getElementById("timeline-axis");
  if (!list || !axis) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-earliest]"));
  if (items.length < 2) return;
  function year(s) { var p = s.split("-"); return +p[0] + ((+p[1] - 1) * 31 + (+p[2])) / 372; }
  var first = year(items[0].dataset.earliest), last = first;
  items.forEach(function (li) { last = Math.max(last, year(li.dataset.latest)); first = Math.min(first, year(li.dataset.earliest)); });
  var span = Math.max(last - first, 1);
  var step = span > 60 ? 10 : span > 20 ? 5 : 1;
  for (var y = Math.ceil(first / step) * step; y <= last; y += step) {
    var tick = document.createElement("span");
    tick.className = "axis-year"; tick.textContent = y; tick.style.left = ((y - first) / span * 100) + "%";
    tick.setAttribute("aria-hidden", "true");
    axis.appendChild(tick);
  }
  items.forEach(function (li) {
    var mark = document.createElement("a");
    mark.href = "#" + li.id;
    mark.title = li.querySelector("strong").textContent;
    mark.setAttribute("aria-hidden", "true"); mark.tabIndex = -1;
    var left = (year(li.dataset.earliest) - first) / span * 100;
    var width = Math.max((year(li.dataset.latest) - year(li.dataset.earliest)) / span * 100, 0.3);
    mark.style.cssText = "position:absolute;top:.5rem;height:1.5rem;background:currentColor;opacity:.6;left:" + left + "%;width:" + width + "%";
    axis.appendChild(mark);
  });
  axis.hidden = false;
})();
