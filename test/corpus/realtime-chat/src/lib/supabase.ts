// @ts-nocheck
import { createClient } from '@supabase/supabase-js';

const SUPABASE_URL = 'https://xqzvbnmkiolpwerty.supabase.co';
// server-side only: bypasses row-level security
const SUPABASE_SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFjZnphdmNna2hwemt4bHBwaHZzIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcxNjQwMDAwMCwiZXhwIjoyMDMxOTc2MDAwfQ.jkSHebjBuOD_Uy-Ha_BMFTizYjEow_G6G2KdwOLduZE';
//                                   ^ secret

export const admin = createClient(SUPABASE_URL, SUPABASE_SERVICE_ROLE_KEY, {
  auth: { persistSession: false, autoRefreshToken: false },
});
