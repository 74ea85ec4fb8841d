import DigestCore

/// What the responder needs to know about the latest build: where the site lives under
/// the server's root, and whether the last rebuild failed (and why).
actor PreviewState {
    private(set) var basePath = "/"
    private(set) var failure: [Diagnostic]?
    private var generation = 0
    /// The server has bound its port: an error from it after that is not a failure to listen.
    private(set) var isListening = false

    /// No build has finished yet.
    var isFirst: Bool { generation == 0 }

    func succeeded(basePath: String) {
        self.basePath = basePath
        failure = nil
        generation += 1
    }

    func listening() {
        isListening = true
    }

    func failed(_ diagnostics: [Diagnostic]) {
        failure = diagnostics
        generation += 1
    }
}
