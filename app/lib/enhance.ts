// The only script a page without React runs (public and entrepreneur pages, app/root.tsx): a few
// hundred bytes of plain DOM that give the same small enhancements the React components give.
// - the error summary takes focus, as ErrorSummary does after a failed post;
// - a copy button (`data-copy-target`, hidden until the clipboard API is there) copies the field's
//   value and says so in its status line (`data-copy-status`), as CopyButton does;
// - the application form's organiser follows the chosen municipality (`data-served`: municipality →
//   the organisations serving it) while the person has not chosen one: one serving it is selected,
//   several or none leave "by my municipality" for the server to decide or ask.
export const enhanceScript = `(() => {
  document.querySelector('.error-summary')?.focus();
  for (const organizer of document.querySelectorAll('select[data-served]')) {
    const served = JSON.parse(organizer.dataset.served);
    const municipality = document.getElementById(organizer.dataset.municipality);
    let chosen = organizer.value !== '';
    organizer.addEventListener('change', () => { chosen = organizer.value !== ''; });
    municipality?.addEventListener('change', () => {
      if (chosen) return;
      const ids = served[municipality.value] ?? [];
      organizer.value = ids.length === 1 ? ids[0] : '';
    });
  }
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll('button[data-copy-target]')) {
    const input = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    button.closest('[hidden]')?.removeAttribute('hidden');
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(input ? input.value : '');
        if (status) { status.textContent = button.dataset.copied; status.className = 'muted'; }
      } catch {
        input?.select();
        if (status) { status.textContent = button.dataset.copyFailed; status.className = 'error-text'; }
      }
    });
  }
})();`;
