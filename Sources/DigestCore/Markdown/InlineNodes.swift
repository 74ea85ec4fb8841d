import Ccmark

/// Builds cmark inline nodes from `Inline` values.
enum InlineNodes {
    static func append(_ inlines: [Inline], to parent: OpaquePointer) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                appendLeaf(CMARK_NODE_TEXT, literal: text, to: parent)
            case .monospace(let text):
                appendLeaf(CMARK_NODE_CODE, literal: text, to: parent)
            case .emphasis(let children):
                appendContainer(CMARK_NODE_EMPH, children, to: parent)
            case .strong(let children):
                appendContainer(CMARK_NODE_STRONG, children, to: parent)
            case .smallCaps(let children):
                appendLeaf(CMARK_NODE_HTML_INLINE, literal: "<span class=\"sc\">", to: parent)
                append(children, to: parent)
                appendLeaf(CMARK_NODE_HTML_INLINE, literal: "</span>", to: parent)
            case .math(let formula):
                appendLeaf(CMARK_NODE_HTML_INLINE, literal: formula.mathML, to: parent)
            case .link(let url, let children):
                guard isSafe(url), let link = cmark_node_new(CMARK_NODE_LINK) else {
                    append(children, to: parent)
                    continue
                }
                cmark_node_set_url(link, url)
                append(children, to: link)
                cmark_node_append_child(parent, link)
            }
        }
    }

    /// Only web and mail links: `javascript:` and friends never reach a page.
    static func isSafe(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
    }

    private static func appendLeaf(_ type: cmark_node_type, literal: String, to parent: OpaquePointer) {
        guard let node = cmark_node_new(type) else { return }
        cmark_node_set_literal(node, literal)
        cmark_node_append_child(parent, node)
    }

    private static func appendContainer(_ type: cmark_node_type, _ children: [Inline], to parent: OpaquePointer) {
        guard let node = cmark_node_new(type) else { return }
        append(children, to: node)
        cmark_node_append_child(parent, node)
    }
}
