// Progressive enhancement: a print button where a page offers one (data-schakel-print holds its
// translated label). Without JavaScript the placeholder stays hidden; the browser's own print
// command uses the print stylesheet either way.
document.querySelectorAll("[data-schakel-print]").forEach(function (holder) {
  var button = document.createElement("button");
  button.type = "button";
  button.className = "utrecht-button utrecht-button--secondary-action";
  button.textContent = holder.getAttribute("data-schakel-print");
  button.addEventListener("click", function () {
    window.print();
  });
  holder.appendChild(button);
  holder.hidden = false;
});
