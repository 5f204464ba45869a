import { z } from "zod";
import { entityId } from "./common";

export const TimelineInput = z.object({ issueId: entityId });
export type TimelineInput = z.infer<typeof TimelineInput>;
