/// The script `waymark serve` adds to its pages: it listens to `/.waymark/events` and reloads the
/// page when the generation the server announces differs from the one the page was served with
/// (a build finished, or the server restarted). It is served by the preview server only.
///
/// A hidden tab closes its stream and opens it again when shown (and then reloads if a build
/// finished meanwhile): browsers allow six connections to one server over HTTP/1.1, and a stream
/// per background tab would soon leave none for loading pages.
enum ReloadScript {
  static let eventsPath = "/.waymark/events"

  static let source = """
    // waymark serve: reloads this page when a build finishes. Never part of a published site.
    (function () {
      'use strict';
      var script = document.currentScript;
      var shown = script ? script.getAttribute('data-generation') : null;
      var source = null;
      if (!window.EventSource) { return; }
      function listen() {
        if (source) { return; }
        source = new EventSource('\(eventsPath)');
        source.addEventListener('build', function (event) {
          if (event.data !== shown) {
            stop();
            window.location.reload();
          }
        });
      }
      function stop() {
        if (source) { source.close(); source = null; }
      }
      document.addEventListener('visibilitychange', function () {
        if (document.hidden) { stop(); } else { listen(); }
      });
      if (!document.hidden) { listen(); }
    })();

    """
}
