// Progressive enhancement: check quiz answers in place. Without this script the form posts
// and the server answers with the marked quiz; with it, the same server grading comes back as JSON.
(function () {
  document.querySelectorAll("[data-quiz] form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action.split("#")[0], {
        method: "POST",
        body: new FormData(form),
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (result) {
        result.questions.forEach(function (q) {
          var item = form.querySelector('[data-key="' + q.key + '"]');
          if (!item) return;
          item.classList.toggle("is-correct", q.correct);
          item.classList.toggle("is-wrong", !q.correct);
          var repeats = q.repeated.map(function (item) { return "\u201c" + item + "\u201d"; });
          var text = (repeats.length ? "Each item goes in one place only: you chose " + repeats.join(" and ") + " more than once. " : "") +
            (q.correct ? "Correct. " : (q.points ? "Partly right (" + q.points + " of " + q.max + "). " : "Not quite. ") + "The answer: " + q.solution + ". ") + q.explanation;
          var feedback = item.querySelector(".feedback");
          feedback.textContent = "";
          var p = document.createElement("p");
          p.textContent = text + " ";
          if (q.link) { var a = document.createElement("a"); a.href = q.link; a.textContent = "Read more"; p.appendChild(a); }
          feedback.appendChild(p);
        });
        var section = form.closest("[data-quiz]");
        var score = section.querySelector(".quiz-score");
        if (!score) {
          score = document.createElement("p");
          score.className = "quiz-score"; score.setAttribute("role", "status"); score.tabIndex = -1;
          form.parentNode.insertBefore(score, form);
        }
        score.innerHTML = "";
        var strong = document.createElement("strong");
        strong.textContent = "You scored " + result.score + " out of " + result.out_of + (result.out_of === 1 ? " point." : " points.");
        score.appendChild(strong);
        score.focus();
      }).catch(function () { form.submit(); });
    });
  });
})();
