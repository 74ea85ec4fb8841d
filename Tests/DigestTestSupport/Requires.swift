import Testing

extension Tag {
    /// Tests that run a tool outside Swift: a browser, a validator, a linter.
    @Tag public static var externalTool: Self
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when `tools` are installed (`make test-deps` installs them), and
    /// skips it otherwise with the reason shown, never silently. In CI it always runs, so a
    /// missing tool there is a failure.
    public static func requires(_ tools: String...) -> Self {
        .enabled("needs \(tools.joined(separator: ", ")) (run `make test-deps`)") {
            ExternalTool.isCI || ExternalTool.missing(tools).isEmpty
        }
    }
}
