import Foundation
import OnomaKit

print("onoma-bench: ICU \(ICU.version)")
