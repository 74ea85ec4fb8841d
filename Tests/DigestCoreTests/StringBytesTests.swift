import Testing

@testable import DigestCore

@Suite("Texts searched on their bytes")
struct StringBytesTests {
    @Test("a needle is found at the start, in the middle after a false start, at the very end, and never past it")
    func containsBytes() {
        #expect("<math display>".containsBytes("<math"))
        #expect("a <mat <math>".containsBytes("<math"))
        #expect("x ≤ <math".containsBytes("<math"))
        #expect(!"x ≤ <mat".containsBytes("<math"))
        #expect(!"<ma".containsBytes("<math"))
        #expect(!"".containsBytes("<math"))
        #expect("é<math>é".containsBytes("<math>é"))
        #expect(!"<<<<<".containsBytes("<<<<<<"))
        #expect("<<<<<<".containsBytes("<<<<<<"))
    }
}
