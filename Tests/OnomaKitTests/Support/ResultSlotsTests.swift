import Foundation
@testable import OnomaKit
import Testing

@Suite struct ResultSlotsTests {
    final class Token: Sendable { let n: Int; init(_ n: Int) { self.n = n } }

    /// Jobs on every core each fill their own slot (run under ThreadSanitizer in CI); a slot
    /// no job wrote reads nil; the values are released with the slots.
    @Test func parallelJobsFillTheirSlots() {
        weak var probe: Token?
        do {
            let slots = ResultSlots<[Token]>(count: 65)
            DispatchQueue.concurrentPerform(iterations: 64) { i in
                slots.set(i, (0..<(i % 7 + 1)).map { Token(i * 10 + $0) })
            }
            for i in 0..<64 { #expect(slots[i]?.map(\.n) == (0..<(i % 7 + 1)).map { i * 10 + $0 }) }
            #expect(slots[64] == nil)
            probe = slots[3]?.first
            #expect(probe != nil)
        }
        #expect(probe == nil)
    }
}
