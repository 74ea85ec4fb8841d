import Foundation
import Testing

@testable import DigestCore

@Suite("BinaryVersion: which build of the program wrote a cache")
struct BinaryVersionTests {
    @Test("the version is the linker's build ID, found through the ELF headers: bytes that are in the executable")
    func buildIDFromMemory() throws {
        let id = try #require(BinaryVersion.buildID())
        #expect(id.count >= 16)
        var print = Fingerprint()
        id.withUnsafeBytes { print.add(bytes: $0) }
        #expect(BinaryVersion.current == print.value)
        let file = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe"))
        #expect(file.range(of: Data(id)) != nil)
    }
}
