import DigestCore
import Foundation

/// Where the CLI talks: progress on stdout, diagnostics on stderr.
enum Console {
    static func report(_ diagnostics: [Diagnostic]) {
        diagnostics.forEach(report)
    }

    static func report(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("warning: \(message)\n".utf8))
    }

    static func line(_ text: String) {
        print(text)
        fflush(nil)
    }
}
