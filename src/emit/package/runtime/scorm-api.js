/*
 * SCO runtime, SCORM part: finding the LMS's API object. The LMS puts it on a window
 * that contains the SCO (a parent frame) or that opened it (the opener, when the SCO
 * runs in a pop-up), as the ADL discovery algorithm describes.
 */

/** The API object called `name` (`API` or `API_1484_11`), or null. */
function findScormApi(name) {
  function climb(win) {
    for (var hops = 0; win && hops < 500; hops++) {
      try {
        if (win[name]) return win[name];
      } catch (e) {
        // A frame from another origin: the API cannot be above it.
        return null;
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }
  var api = climb(window);
  if (!api) {
    try {
      if (window.opener) api = climb(window.opener);
      if (!api && window.top && window.top.opener) api = climb(window.top.opener);
    } catch (e) {
      api = null;
    }
  }
  return api || null;
}

/** A rejected promise carrying the LMS's error, for the page to show. */
function scormFailure(what, code, text) {
  return new Error(what + (code ? ' — ' + code + (text ? ' ' + text : '') : ''));
}
