import Foundation

/// The script the preview adds to every HTML page it serves (never to `digest build`
/// output): it listens for `reload` events and reloads the page.
enum LiveReload {
    static let eventsPath = "/_digest/events"

    static let script = """
        <script>(function(){var s=new EventSource("\(eventsPath)");s.addEventListener("reload",function(){location.reload();});})();</script>
        """

    /// `html` with the script before `</body>` (or at the end).
    static func inject(into html: Data) -> Data {
        let marker = Data("</body>".utf8)
        var result = html
        if let range = html.range(of: marker, options: .backwards) {
            result.insert(contentsOf: Data(script.utf8), at: range.lowerBound)
        } else {
            result.append(Data(script.utf8))
        }
        return result
    }
}
