// Every page: mark that scripts run (CSS shows the script-only controls), and take the reader to the
// error summary when a form came back with problems, as GOV.UK pages do.
document.documentElement.classList.add('js');

const summary = document.querySelector('[data-error-summary]');
if (summary) {
  summary.focus();
}

// A link in the error summary moves focus to its field (the browser only scrolls to it).
document.addEventListener('click', event => {
  const link = event.target.closest('.error-summary a[href^="#"]');
  if (!link) {
    return;
  }
  const field = document.getElementById(link.getAttribute('href').slice(1));
  if (field) {
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    (field.wgigEditor ?? field).focus();
  }
});
