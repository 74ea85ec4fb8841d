import ArgumentParser
import DigestCore
import Foundation

struct MathInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "math",
        abstract: "Show how PaperDigest reads a fragment of an abstract: plain Unicode and HTML with MathML."
    )

    @Argument(help: "Text as it appears in a dump, e.g. 'mathcal{O}(d^2) samples'; '-' reads standard input.")
    var text: [String]

    func run() {
        var input = text.joined(separator: " ")
        if input == "-" {
            input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let (richText, diagnostics) = RichTextParser().parse(input)
        Console.line(richText.plainText)
        Console.line(Markdown.html(inline: richText.inlines))
        Console.report(diagnostics)
    }
}
