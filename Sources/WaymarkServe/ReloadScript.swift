/// The script `waymark serve` adds to its pages: it listens to `/.waymark/events` and reloads the
/// page when the generation the server announces differs from the one the page was served with
/// (a build finished, or the server restarted). It is served by the preview server only.
enum ReloadScript {
  static let eventsPath = "/.waymark/events"

  static let source = """
    // waymark serve: reloads this page when a build finishes. Never part of a published site.
    (function () {
      'use strict';
      var script = document.currentScript;
      var shown = script ? script.getAttribute('data-generation') : null;
      if (!window.EventSource) { return; }
      var source = new EventSource('\(eventsPath)');
      source.addEventListener('build', function (event) {
        if (event.data !== shown) {
          source.close();
          window.location.reload();
        }
      });
    })();

    """
}
