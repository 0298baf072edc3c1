// Region pickers (Pages/Shared/_RegionPicker.cshtml): htmx fills the results under the search box; this puts the
// chosen region's code into the form. Loaded as a file because the Content-Security-Policy forbids inline script.
(function () {
  'use strict';

  function pickerOf(element) { return element.closest('[data-region-picker]'); }

  function clearResults(picker) {
    var results = picker.querySelector('[data-picker-results]');
    results.innerHTML = '';
    picker.querySelector('input[type=search]').setAttribute('aria-expanded', 'false');
  }

  function choose(picker, code, label) {
    var search = picker.querySelector('input[type=search]');
    if (picker.dataset.multiple === 'true') {
      var list = picker.querySelector('[data-picked]');
      if (!list.querySelector('[data-picked-code="' + CSS.escape(code) + '"]')) {
        var chip = document.createElement('span');
        chip.className = 'badge text-bg-light border fw-normal d-inline-flex align-items-center gap-1';
        chip.dataset.pickedCode = code;
        chip.appendChild(document.createTextNode(label));
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'btn-close picker-remove';
        remove.setAttribute('aria-label', '× ' + label);
        remove.dataset.unpick = '';
        chip.appendChild(remove);
        var hidden = document.createElement('input');
        hidden.type = 'hidden';
        hidden.name = picker.dataset.name;
        hidden.value = code;
        chip.appendChild(hidden);
        list.appendChild(chip);
      }
      search.value = '';
    } else {
      picker.querySelector('[data-picked-value]').value = code;
      search.value = label;
    }
    clearResults(picker);
    search.focus();
  }

  document.addEventListener('click', function (event) {
    var pick = event.target.closest('[data-pick-code]');
    if (pick && pickerOf(pick)) {
      choose(pickerOf(pick), pick.dataset.pickCode, pick.dataset.pickLabel);
      return;
    }
    var unpick = event.target.closest('[data-unpick]');
    if (unpick) {
      unpick.closest('[data-picked-code]').remove();
    }
  });

  // Typing again in a single picker forgets the region chosen before: what is posted is what the box shows.
  document.addEventListener('input', function (event) {
    var picker = event.target.matches('input[type=search]') && pickerOf(event.target);
    if (picker && picker.dataset.multiple !== 'true') {
      picker.querySelector('[data-picked-value]').value = '';
    }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    var picker = pickerOf(event.target);
    if (picker) {
      picker.querySelector('input[type=search]').setAttribute('aria-expanded', event.target.children.length > 0 ? 'true' : 'false');
    }
  });
})();
