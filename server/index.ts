import { readEnv } from "./env";
import { startServer } from "./main";

await startServer(readEnv());
