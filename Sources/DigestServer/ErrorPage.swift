import DigestCore

/// The page a browser sees while the last rebuild failed: every diagnostic with its
/// `file:line`. Served like every page, with the reload script, so fixing the file brings
/// the site back by itself.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic -> String in
            let location = diagnostic.location.map { "<code>\(HTML.escape($0.description))</code> " } ?? ""
            let kind = diagnostic.severity == .error ? "error" : "warning"
            return "<li class=\"\(kind)\">\(location)<strong>\(kind):</strong> \(HTML.escape(diagnostic.message))</li>"
        }
        let errors = diagnostics.errors.count
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Build failed · PaperDigest preview</title>
            <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 3rem auto; padding: 0 1rem; color: #1d2330; background: #fbfbf9; }
            h1 { color: #b42318; font-size: 1.6rem; }
            li { margin: 0.75rem 0; list-style: none; padding: 0.75rem 1rem; border-left: 4px solid #b42318; background: #fff; }
            li.warning { border-color: #b54708; }
            code { font-size: 0.95em; }
            @media (prefers-color-scheme: dark) { body { background: #111318; color: #e6e8ee; } li { background: #171a21; } }
            </style>
            </head>
            <body>
            <h1>The last rebuild failed with \(count(errors, "error"))</h1>
            <p>The preview keeps watching your files; this page reloads when the site builds again.</p>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </body>
            </html>
            """
    }
}
