import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Each test starts from an empty page; without vitest's globals, Testing Library cannot register this itself.
afterEach(cleanup);
