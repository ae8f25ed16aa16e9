import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// CI runs these beside the .NET suites on two cores; a second is too short a wait there.
configure({ asyncUtilTimeout: 5_000 });

// Each test starts from an empty page; without vitest's globals, Testing Library cannot register this itself.
afterEach(cleanup);
