// Reads {events, prodid} as JSON on stdin (the input of shared/core/ics.js `calendar`) and prints the
// iCalendar text it makes, byte for byte, so the Python tests can parse it with `icalendar`. A
// refused input prints its {ok: false, error, path} as JSON on stderr and exits with status 1.
import { calendar } from "../../../overrides/assets/javascripts/shared/core/ics.js";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const result = calendar(JSON.parse(input));
if (result.ok) {
  process.stdout.write(result.text);
} else {
  process.stderr.write(`${JSON.stringify(result)}\n`);
  process.exitCode = 1;
}
