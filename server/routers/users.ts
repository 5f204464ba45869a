import { UserCreateInput, UserIdInput, UserPasswordInput, UserUpdateInput } from "../../shared/schemas/users";
import { writeMeta } from "../repositories/audit";
import { listUsers } from "../repositories/users";
import { createUser, resetUserPassword, setUserActive, updateUser } from "../repositories/userWrites";
import { adminProcedure, router } from "../trpc";

/** Accounts, managed by the Sekda office only. */
export const usersRouter = router({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),

  create: adminProcedure
    .input(UserCreateInput)
    .mutation(({ ctx, input }) => createUser(ctx.db, input, writeMeta(ctx))),

  update: adminProcedure
    .input(UserUpdateInput)
    .mutation(({ ctx, input }) => updateUser(ctx.db, input, writeMeta(ctx))),

  deactivate: adminProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, input.id, false, writeMeta(ctx))),

  activate: adminProcedure
    .input(UserIdInput)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, input.id, true, writeMeta(ctx))),

  resetPassword: adminProcedure
    .input(UserPasswordInput)
    .mutation(({ ctx, input }) => resetUserPassword(ctx.db, input, writeMeta(ctx))),
});
