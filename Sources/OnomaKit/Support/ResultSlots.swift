/// One result slot per concurrent job (`DispatchQueue.concurrentPerform`): each job writes
/// only its own slot, and the slots are read once every job has returned.
///
/// The slots live in memory the object owns and are written through a pointer: an array
/// property would be one shared variable mutated from every job at once (a race on its
/// header that ThreadSanitizer reports), and a lock would serialize the jobs' hand-over.
final class ResultSlots<T>: @unchecked Sendable {
    // @unchecked: distinct jobs write distinct slots; reads happen after the jobs have joined.
    private let slots: UnsafeMutableBufferPointer<T?>

    /// `count` empty slots (at least one).
    init(count: Int) {
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Stores job `i`'s result (call once per slot, from that job only).
    func set(_ i: Int, _ value: T) { slots[i] = value }

    /// Job `i`'s result; nil when it stored none.
    subscript(i: Int) -> T? { slots[i] }
}
