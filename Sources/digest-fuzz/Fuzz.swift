import DigestCore
import Foundation

/// libFuzzer targets for the input stages, built by `Tests/Fuzz/run` with
/// `-sanitize=fuzzer,address -DFUZZING` (other builds get a stub that says so). `FUZZ_TARGET` picks the stage:
/// `dump` (the dump parser), `math` (prose and damaged-math recovery, then Markdown),
/// `yaml` (the site.yml and topics.yml loaders) or `template` (a theme's page template,
/// loaded beside a layout and a partial it may name, then rendered). A crash, a hang or a sanitizer report is
/// a finding; the stages must turn any bytes into diagnostics.
let target = ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "dump"

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point under this name; libFuzzer's driver runs from it.
    @_cdecl("digest_fuzz_main")
    func fuzzMain(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    ) -> CInt {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return runDriver(&count, &arguments) { fuzz($0, $1) }
    }
#else
    @_cdecl("digest_fuzz_main")
    func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        FileHandle.standardError.write(Data("digest-fuzz: build and run it with Tests/Fuzz/run\n".utf8))
        return 2
    }
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    switch target {
    case "math":
        let text = String(decoding: data, as: UTF8.self)
        let (rich, _) = RichTextParser().parse(text)
        _ = Markdown.html(inline: rich.inlines)
        _ = rich.plainText
    case "template":
        let (theme, _) = Theme.load(
            templates: [
                ("page", SourceFile(path: "page.mustache", data: data)),
                ("layout", SourceFile(path: "layout.mustache", text: "<main>{{$body}}{{/body}}</main>")),
                (
                    "partials/card",
                    SourceFile(path: "partials/card.mustache", text: "{{title}} {{#items}}{{n}}{{/items}}")
                ),
            ], assets: [])
        _ = theme?.library.render("page", TemplateContext(fuzzFields))
    case "yaml":
        var diagnostics: [Diagnostic] = []
        _ = SiteConfig.load(SourceFile(path: "site.yml", data: data), diagnostics: &diagnostics)
        _ = Taxonomy.load(SourceFile(path: "topics.yml", data: data), diagnostics: &diagnostics)
    default:
        let result = DumpParser(defaultYear: 2026).parse(SourceFile(path: "2026-03-12.txt", data: data))
        for entry in result.day?.entries ?? [] {
            _ = RichTextParser().parse(entry.title)
        }
    }
    return 0
}

/// Values of every kind for a fuzzed template to name: text, HTML, a flag, a list, an object.
let fuzzFields: TemplateFields = [
    "title": "A <b> & \"c\"", "title_html": "<em>x</em>", "flag": true, "none": false,
    "items": [["n": 1], ["n": 2, "last": true]], "site": ["title": "Site", "nav": [["url": "/"]]],
]
