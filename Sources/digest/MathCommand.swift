import ArgumentParser
import DigestCore

struct MathInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "math",
        abstract: "Show how PaperDigest reads a fragment of an abstract: plain Unicode and HTML with MathML."
    )

    @Argument(help: "Text as it appears in a dump, e.g. 'mathcal{O}(d^2) samples'.")
    var text: [String]

    func run() {
        let (richText, diagnostics) = RichTextParser().parse(text.joined(separator: " "))
        Console.line(richText.plainText)
        Console.line(Markdown.html(inline: richText.inlines))
        Console.report(diagnostics)
    }
}
