import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./App";
import { createQueryClient } from "./lib/queryClient";
import { createClient, TRPCProvider } from "./lib/trpc";
import "./styles.css";

const queryClient = createQueryClient();
const trpcClient = createClient();

const root = document.getElementById("root");
if (!root) throw new Error("Elemen #root tidak ditemukan.");

// The first drawing as a transition: React yields to the browser between components while it
// builds the page, instead of holding the main thread for the whole of it.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </TRPCProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
});
