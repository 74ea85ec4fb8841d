import Ccmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// HTML through libcmark, for Markdown the site owner writes and for inline pieces built
/// from abstracts.
public enum Markdown {
    /// Renders a Markdown document (topic descriptions, `pages/*.md`). Raw HTML is omitted,
    /// quotes and dashes become typographic. Links starting with `/` get `rootPrefix`
    /// (the base-url path) so they keep working on sites served from a sub-path.
    public static func html(fromMarkdown markdown: String, rootPrefix: String = "/") -> String {
        let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return ""
        }
        defer { cmark_node_free(document) }
        if rootPrefix != "/" { rewriteRootLinks(in: document, prefix: rootPrefix) }
        return render(document, options: options)
    }

    /// Renders inline pieces as one HTML paragraph. Text becomes cmark text nodes, so `*`,
    /// `<script>` or `&` in an abstract show literally; `InlineNodes` decides what markup exists.
    public static func html(paragraph inlines: [Inline]) -> String {
        guard let document = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return "" }
        cmark_node_append_child(document, paragraph)
        InlineNodes.append(inlines, to: paragraph)
        // UNSAFE only lets through the HTML_INLINE nodes InlineNodes made itself
        // (MathML, small caps); input text never becomes such a node.
        return render(document, options: CMARK_OPT_UNSAFE)
    }

    /// Renders inline pieces without the surrounding `<p>`, for titles and link texts.
    public static func html(inline inlines: [Inline]) -> String {
        var html = html(paragraph: inlines)
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        if html.hasSuffix("</p>\n") { html.removeLast(5) }
        return html
    }

    private static func render(_ node: OpaquePointer, options: Int32) -> String {
        guard let cString = cmark_render_html(node, options) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    private static func rewriteRootLinks(in document: OpaquePointer, prefix: String) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let raw = cmark_node_get_url(node) else {
                continue
            }
            let url = String(cString: raw)
            if url.hasPrefix("/") && !url.hasPrefix("//") {
                cmark_node_set_url(node, prefix + url.dropFirst())
            }
        }
    }
}
