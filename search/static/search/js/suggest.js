// Suggestions for the header search box: names from /search/suggest/ offered in a <datalist>;
// picking one goes straight to its page. Without this script the box is a plain GET form.
(function () {
  var form = document.querySelector("form[data-suggest]");
  var input = form && form.querySelector("input[name=q]");
  if (!input || !window.fetch) return;
  var list = document.createElement("datalist");
  list.id = input.id + "-suggestions";
  form.appendChild(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  var urls = {}, timer, asked = "";

  function show(suggestions) {
    urls = {};
    list.textContent = "";
    suggestions.forEach(function (s) {
      var value = s.title + " (" + s.kind + ")";
      urls[value] = s.url;
      var option = document.createElement("option");
      option.value = value;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function (event) {
    if (urls[input.value] && event.inputType !== "insertText") {
      window.location.href = urls[input.value];
      return;
    }
    var text = input.value.trim();
    clearTimeout(timer);
    if (text.length < 2 || text === asked) return;
    timer = setTimeout(function () {
      asked = text;
      fetch(form.dataset.suggest + "?q=" + encodeURIComponent(text), {headers: {Accept: "application/json"}})
        .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
        .then(function (data) { if (data.query === input.value.trim()) show(data.suggestions); })
        .catch(function () {});
    }, 150);
  });
})();
