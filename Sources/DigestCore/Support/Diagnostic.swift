/// A warning or error about the input, tied to where it happened when that is known.
///
/// Printed as `path:line:column: warning|error: message`, the format editors and CI logs link.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// Moves the diagnostics that name a place to the same place in the file at `path` (those
    /// of one file's text, when the file is found elsewhere than where they were made).
    mutating func place(in path: String) {
        for index in indices where self[index].location != nil { self[index].location?.path = path }
    }
}

/// Thrown when a stage cannot go on; carries every diagnostic gathered so far.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// The build had begun writing the output (each file it wrote is whole), so it is not
    /// the site of the last build any more; the next build completes it.
    public var mayHaveWritten = false

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
