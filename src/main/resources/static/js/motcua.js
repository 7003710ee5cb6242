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

// A search box (input[data-results]) and its list of results (the element with that id, which
// says in data-q what it was found for): the arrow keys walk the list, Escape goes back to the box,
// and Enter in the box opens the first result when the list is for what is typed (otherwise the
// form is sent as a plain search).
document.addEventListener('keydown', function (event) {
  var target = event.target;
  if (!target.matches) {
    return;
  }
  function links(list) {
    return list ? Array.prototype.slice.call(list.querySelectorAll('a[href]')) : [];
  }
  if (target.matches('input[data-results]')) {
    var list = document.getElementById(target.getAttribute('data-results'));
    var found = links(list);
    if (event.key === 'ArrowDown' && found.length) {
      event.preventDefault();
      found[0].focus();
    }
    else if (event.key === 'Enter' && found.length && list.getAttribute('data-q') === target.value.trim()) {
      event.preventDefault();
      found[0].click();
    }
    return;
  }
  var container = target.closest('[data-q]');
  if (container && target.matches('a[href]')) {
    var all = links(container);
    var i = all.indexOf(target);
    var box = document.querySelector('input[data-results="' + container.id + '"]');
    if (event.key === 'ArrowDown' && i < all.length - 1) {
      event.preventDefault();
      all[i + 1].focus();
    }
    else if (event.key === 'ArrowUp') {
      event.preventDefault();
      (i > 0 ? all[i - 1] : box).focus();
    }
    else if (event.key === 'Escape' && box) {
      event.preventDefault();
      box.focus();
    }
  }
});

// Content that htmx brings in
document.addEventListener('htmx:load', function (event) {
  var elt = event.detail.elt;
  if (!elt.querySelectorAll) {
    return;
  }
  // details known from an earlier dossier fill only the fields still empty, never what was typed
  elt.querySelectorAll('[data-fill-for]').forEach(function (known) {
    var field = document.getElementById(known.getAttribute('data-fill-for'));
    if (field && !field.value && known.value) {
      field.value = known.value;
    }
  });
  // a form brought in for a choice: its first field takes the focus
  var first = elt.hasAttribute('data-focus-first')
    ? elt.querySelector('[autofocus], input:not([type=hidden]), select, textarea') : null;
  if (first && document.readyState === 'complete') {
    first.focus();
  }
});

document.addEventListener('click', function (event) {
  if (!event.target.closest) {
    return;
  }
  // a print button (the printed forms)
  if (event.target.closest('[data-print]')) {
    window.print();
  }
  // a link of the error summary puts the cursor in its field, not only the page at it (GOV.UK)
  var link = event.target.closest('.error-summary a[href^="#"]');
  var field = link ? document.getElementById(link.getAttribute('href').substring(1)) : null;
  if (field) {
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }
});

// A button with data-check-all="<class>" ticks every box of that class (e.g. all the mandatory
// components handed in at the counter): one click instead of one a paper. Delegated, so that it
// works in parts of the page htmx swaps in.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-check-all]') : null;
  if (!button) {
    return;
  }
  document.querySelectorAll('input[type=checkbox].' + button.getAttribute('data-check-all')).forEach(function (box) {
    box.checked = true;
  });
});
