import Synchronization
import Testing

@testable import DigestCore

@Suite("Work spread over the cores gives what one core would")
struct ParallelMapTests {
    @Test("heavy ones started first, each element is mapped once, and the result is in the input's order")
    func heavyFirstKeepsOrder() {
        var random = SeededRandom(state: 12)
        for count in [0, 1, 2, 3, 64, 65, 1_000] {
            let numbers = (0..<count).map { _ in Int(random.next() % 1_000) }
            let calls = Atomic<Int>(0)
            let mapped = numbers.parallelMap(heavyFirst: { $0 % 7 == 0 }) { number in
                calls.add(1, ordering: .relaxed)
                return "\(number)"
            }
            #expect(mapped == numbers.map { "\($0)" }, "\(count) elements")
            #expect(calls.load(ordering: .relaxed) == count)
            #expect(numbers.parallelMap { "\($0)" } == mapped)
        }
    }
}
