// MotCua's few behaviours; the pages work without them.
document.addEventListener('DOMContentLoaded', function () {
  // after a failed submission, the error summary takes the focus (GOV.UK pattern)
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
  // a form with data-confirm asks before it is sent: the text names the dossier and the consequence
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
});
