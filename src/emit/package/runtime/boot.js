/*
 * SCO runtime, last part: reads the page's data and starts the session with the
 * format's adapter (or the standalone one when no LMS is there).
 */

(function boot() {
  function begin() {
    var data = document.getElementById('sco-data');
    if (!data) return;
    var config = JSON.parse(data.textContent || '{}');
    var adapter = createLmsAdapter(config) || createStandaloneAdapter();
    window.curriculumSco = runSco(config, adapter);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
  else begin();
})();
